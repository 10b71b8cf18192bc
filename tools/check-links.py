#!/usr/bin/env python3
"""Checks every relative link and anchor in the repository's Markdown documentation.

Usage: tools/check-links.py [file-or-folder ...]   (default: README.md and docs/, from the repository root)

A link is relative when it has no scheme (http:, https:, mailto:, ...). Its path is resolved against the folder of the
file that contains it and must name a file or folder of the repository; an anchor (#...) must be the GitHub anchor of a
heading of the target Markdown file (lower case, punctuation dropped, spaces as hyphens, -1, -2 ... for repeats) or an
explicit id/name attribute. Links inside code blocks and inline code are not links. Exits 1 and lists every broken
link (file:line: link: why) when one is broken, 0 otherwise.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r'^\s*(`{3,}|~{3,})')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')
INLINE_LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
REFERENCE_DEF = re.compile(r'^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$')
HTML_TARGET = re.compile(r'<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"', re.IGNORECASE)
HTML_ID = re.compile(r'\s(?:id|name)="([^"]+)"', re.IGNORECASE)
CODE_SPAN = re.compile(r'(`+)(?:(?!\1).)+?\1')


def prose_lines(path):
    """(line number, text) of every line outside fenced code blocks."""
    fence = None
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            m = FENCE.match(line)
            if fence is None and m:
                fence = m.group(1)
                continue
            if fence is not None:
                if line.strip() == fence:
                    fence = None
                continue
            yield number, line


def slug(text):
    text = re.sub(r'<[^>]+>', '', text)                      # inline HTML
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', text)   # a link in a heading keeps its text
    text = text.strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


_anchors = {}


def anchors(path):
    if path not in _anchors:
        found, seen = set(), {}
        for _, line in prose_lines(path):
            h = HEADING.match(line)
            if h:
                s = slug(h.group(2))
                n = seen.get(s, 0)
                seen[s] = n + 1
                found.add(s if n == 0 else f'{s}-{n}')
            found.update(HTML_ID.findall(line))
        _anchors[path] = found
    return _anchors[path]


def targets(line):
    line = CODE_SPAN.sub('', line)   # a link in inline code is not a link
    yield from INLINE_LINK.findall(line)
    m = REFERENCE_DEF.match(line)
    if m:
        yield m.group(1)
    yield from HTML_TARGET.findall(line)


def check(path):
    problems = []
    for number, line in prose_lines(path):
        for target in targets(line):
            if re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:', target):
                continue
            file_part, _, anchor = target.partition('#')
            dest = path if file_part == '' else os.path.normpath(os.path.join(os.path.dirname(path), file_part))
            where = f'{os.path.relpath(path, ROOT)}:{number}: {target}'
            if not os.path.exists(dest):
                problems.append(f'{where}: {os.path.relpath(dest, ROOT)} does not exist')
            elif not os.path.abspath(dest).startswith(ROOT + os.sep) and os.path.abspath(dest) != ROOT:
                problems.append(f'{where}: points outside the repository')
            elif anchor:
                if not dest.endswith('.md'):
                    problems.append(f'{where}: an anchor into a file that is not Markdown')
                elif anchor not in anchors(dest):
                    problems.append(f'{where}: no heading with anchor #{anchor} in {os.path.relpath(dest, ROOT)}')
    return problems


def markdown_files(args):
    for arg in args:
        full = os.path.join(ROOT, arg)
        if os.path.isdir(full):
            for folder, _, files in sorted(os.walk(full)):
                for name in sorted(files):
                    if name.endswith('.md'):
                        yield os.path.join(folder, name)
        else:
            yield full


def main():
    files = list(markdown_files(sys.argv[1:] or ['README.md', 'docs']))
    problems = [p for f in files for p in check(f)]
    for p in problems:
        print(p)
    print(f'{len(files)} files checked, {len(problems)} broken link(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
