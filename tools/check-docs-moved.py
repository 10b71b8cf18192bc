#!/usr/bin/env python3
"""Checks that moving documentation lost nothing: every heading, code block and prose line of an old README.md exists in
README.md + docs/**/*.md now.

Usage: tools/check-docs-moved.py <git revision>     (e.g. the commit before the README was split)

Headings must exist with the same level and text; code blocks must exist byte for byte (the fence's info string
included, indentation included); prose lines are compared with their Markdown links taken out, because a moved section's
links are rewritten to point at the file that now holds their target. Prints what is missing and exits 1 when anything
is, 0 otherwise.
"""
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r'^\s*(`{3,}|~{3,})')
LINK_TARGET = re.compile(r'\]\([^)\s]+\)')


def parse(text):
    """Headings, code blocks and prose lines (links' targets removed) of a Markdown text."""
    headings, blocks, prose = [], [], []
    fence, block = None, []
    for line in text.split('\n'):
        m = FENCE.match(line)
        if fence is None and m:
            fence, block = m.group(1), [line]
            continue
        if fence is not None:
            block.append(line)
            if line.strip() == fence:
                blocks.append('\n'.join(block))
                fence = None
            continue
        if re.match(r'^#{1,6} ', line):
            headings.append(line.rstrip())
        elif line.strip():
            prose.append(LINK_TARGET.sub('](…)', line.rstrip()))
    return headings, blocks, prose


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    old = subprocess.run(['git', '-C', ROOT, 'show', f'{sys.argv[1]}:README.md'], check=True, capture_output=True,
                         text=True, encoding='utf-8').stdout
    files = [os.path.join(ROOT, 'README.md')] + sorted(glob.glob(os.path.join(ROOT, 'docs', '**', '*.md'), recursive=True))
    new_headings, new_blocks, new_prose = [], [], []
    for path in files:
        with open(path, encoding='utf-8') as f:
            h, b, p = parse(f.read())
        new_headings += h
        new_blocks += b
        new_prose += p

    old_headings, old_blocks, old_prose = parse(old)
    missing = []

    def count_missing(kind, old_items, new_items):
        remaining = {}
        for item in new_items:
            remaining[item] = remaining.get(item, 0) + 1
        lost = 0
        for item in old_items:
            if remaining.get(item, 0) > 0:
                remaining[item] -= 1
            else:
                lost += 1
                missing.append(f'{kind} missing: {item[:200]}')
        print(f'{kind}: {len(old_items)} in the old README, {len(old_items) - lost} found in README.md + docs/, {lost} missing')

    count_missing('headings', old_headings, new_headings)
    count_missing('code blocks', old_blocks, new_blocks)
    count_missing('prose lines', old_prose, new_prose)
    for m in missing:
        print(m)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
