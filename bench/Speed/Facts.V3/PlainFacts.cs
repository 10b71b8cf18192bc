using Xunit;

namespace SpeedFacts;

/// <summary>1,000 plain synchronous facts: the baseline for a trivial eval row's framework time (bench/Speed).</summary>
public class PlainFacts
{
    [Fact]
    public void Fact0001() => Assert.True(("Answer: question number 1").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0002() => Assert.True(("Answer: question number 2").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0003() => Assert.True(("Answer: question number 3").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0004() => Assert.True(("Answer: question number 4").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0005() => Assert.True(("Answer: question number 5").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0006() => Assert.True(("Answer: question number 6").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0007() => Assert.True(("Answer: question number 7").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0008() => Assert.True(("Answer: question number 8").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0009() => Assert.True(("Answer: question number 9").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0010() => Assert.True(("Answer: question number 10").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0011() => Assert.True(("Answer: question number 11").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0012() => Assert.True(("Answer: question number 12").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0013() => Assert.True(("Answer: question number 13").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0014() => Assert.True(("Answer: question number 14").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0015() => Assert.True(("Answer: question number 15").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0016() => Assert.True(("Answer: question number 16").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0017() => Assert.True(("Answer: question number 17").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0018() => Assert.True(("Answer: question number 18").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0019() => Assert.True(("Answer: question number 19").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0020() => Assert.True(("Answer: question number 20").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0021() => Assert.True(("Answer: question number 21").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0022() => Assert.True(("Answer: question number 22").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0023() => Assert.True(("Answer: question number 23").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0024() => Assert.True(("Answer: question number 24").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0025() => Assert.True(("Answer: question number 25").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0026() => Assert.True(("Answer: question number 26").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0027() => Assert.True(("Answer: question number 27").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0028() => Assert.True(("Answer: question number 28").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0029() => Assert.True(("Answer: question number 29").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0030() => Assert.True(("Answer: question number 30").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0031() => Assert.True(("Answer: question number 31").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0032() => Assert.True(("Answer: question number 32").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0033() => Assert.True(("Answer: question number 33").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0034() => Assert.True(("Answer: question number 34").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0035() => Assert.True(("Answer: question number 35").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0036() => Assert.True(("Answer: question number 36").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0037() => Assert.True(("Answer: question number 37").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0038() => Assert.True(("Answer: question number 38").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0039() => Assert.True(("Answer: question number 39").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0040() => Assert.True(("Answer: question number 40").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0041() => Assert.True(("Answer: question number 41").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0042() => Assert.True(("Answer: question number 42").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0043() => Assert.True(("Answer: question number 43").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0044() => Assert.True(("Answer: question number 44").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0045() => Assert.True(("Answer: question number 45").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0046() => Assert.True(("Answer: question number 46").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0047() => Assert.True(("Answer: question number 47").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0048() => Assert.True(("Answer: question number 48").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0049() => Assert.True(("Answer: question number 49").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0050() => Assert.True(("Answer: question number 50").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0051() => Assert.True(("Answer: question number 51").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0052() => Assert.True(("Answer: question number 52").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0053() => Assert.True(("Answer: question number 53").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0054() => Assert.True(("Answer: question number 54").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0055() => Assert.True(("Answer: question number 55").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0056() => Assert.True(("Answer: question number 56").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0057() => Assert.True(("Answer: question number 57").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0058() => Assert.True(("Answer: question number 58").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0059() => Assert.True(("Answer: question number 59").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0060() => Assert.True(("Answer: question number 60").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0061() => Assert.True(("Answer: question number 61").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0062() => Assert.True(("Answer: question number 62").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0063() => Assert.True(("Answer: question number 63").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0064() => Assert.True(("Answer: question number 64").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0065() => Assert.True(("Answer: question number 65").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0066() => Assert.True(("Answer: question number 66").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0067() => Assert.True(("Answer: question number 67").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0068() => Assert.True(("Answer: question number 68").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0069() => Assert.True(("Answer: question number 69").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0070() => Assert.True(("Answer: question number 70").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0071() => Assert.True(("Answer: question number 71").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0072() => Assert.True(("Answer: question number 72").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0073() => Assert.True(("Answer: question number 73").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0074() => Assert.True(("Answer: question number 74").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0075() => Assert.True(("Answer: question number 75").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0076() => Assert.True(("Answer: question number 76").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0077() => Assert.True(("Answer: question number 77").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0078() => Assert.True(("Answer: question number 78").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0079() => Assert.True(("Answer: question number 79").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0080() => Assert.True(("Answer: question number 80").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0081() => Assert.True(("Answer: question number 81").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0082() => Assert.True(("Answer: question number 82").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0083() => Assert.True(("Answer: question number 83").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0084() => Assert.True(("Answer: question number 84").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0085() => Assert.True(("Answer: question number 85").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0086() => Assert.True(("Answer: question number 86").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0087() => Assert.True(("Answer: question number 87").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0088() => Assert.True(("Answer: question number 88").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0089() => Assert.True(("Answer: question number 89").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0090() => Assert.True(("Answer: question number 90").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0091() => Assert.True(("Answer: question number 91").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0092() => Assert.True(("Answer: question number 92").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0093() => Assert.True(("Answer: question number 93").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0094() => Assert.True(("Answer: question number 94").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0095() => Assert.True(("Answer: question number 95").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0096() => Assert.True(("Answer: question number 96").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0097() => Assert.True(("Answer: question number 97").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0098() => Assert.True(("Answer: question number 98").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0099() => Assert.True(("Answer: question number 99").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0100() => Assert.True(("Answer: question number 100").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0101() => Assert.True(("Answer: question number 101").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0102() => Assert.True(("Answer: question number 102").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0103() => Assert.True(("Answer: question number 103").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0104() => Assert.True(("Answer: question number 104").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0105() => Assert.True(("Answer: question number 105").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0106() => Assert.True(("Answer: question number 106").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0107() => Assert.True(("Answer: question number 107").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0108() => Assert.True(("Answer: question number 108").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0109() => Assert.True(("Answer: question number 109").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0110() => Assert.True(("Answer: question number 110").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0111() => Assert.True(("Answer: question number 111").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0112() => Assert.True(("Answer: question number 112").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0113() => Assert.True(("Answer: question number 113").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0114() => Assert.True(("Answer: question number 114").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0115() => Assert.True(("Answer: question number 115").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0116() => Assert.True(("Answer: question number 116").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0117() => Assert.True(("Answer: question number 117").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0118() => Assert.True(("Answer: question number 118").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0119() => Assert.True(("Answer: question number 119").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0120() => Assert.True(("Answer: question number 120").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0121() => Assert.True(("Answer: question number 121").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0122() => Assert.True(("Answer: question number 122").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0123() => Assert.True(("Answer: question number 123").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0124() => Assert.True(("Answer: question number 124").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0125() => Assert.True(("Answer: question number 125").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0126() => Assert.True(("Answer: question number 126").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0127() => Assert.True(("Answer: question number 127").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0128() => Assert.True(("Answer: question number 128").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0129() => Assert.True(("Answer: question number 129").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0130() => Assert.True(("Answer: question number 130").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0131() => Assert.True(("Answer: question number 131").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0132() => Assert.True(("Answer: question number 132").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0133() => Assert.True(("Answer: question number 133").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0134() => Assert.True(("Answer: question number 134").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0135() => Assert.True(("Answer: question number 135").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0136() => Assert.True(("Answer: question number 136").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0137() => Assert.True(("Answer: question number 137").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0138() => Assert.True(("Answer: question number 138").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0139() => Assert.True(("Answer: question number 139").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0140() => Assert.True(("Answer: question number 140").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0141() => Assert.True(("Answer: question number 141").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0142() => Assert.True(("Answer: question number 142").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0143() => Assert.True(("Answer: question number 143").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0144() => Assert.True(("Answer: question number 144").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0145() => Assert.True(("Answer: question number 145").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0146() => Assert.True(("Answer: question number 146").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0147() => Assert.True(("Answer: question number 147").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0148() => Assert.True(("Answer: question number 148").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0149() => Assert.True(("Answer: question number 149").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0150() => Assert.True(("Answer: question number 150").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0151() => Assert.True(("Answer: question number 151").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0152() => Assert.True(("Answer: question number 152").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0153() => Assert.True(("Answer: question number 153").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0154() => Assert.True(("Answer: question number 154").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0155() => Assert.True(("Answer: question number 155").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0156() => Assert.True(("Answer: question number 156").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0157() => Assert.True(("Answer: question number 157").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0158() => Assert.True(("Answer: question number 158").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0159() => Assert.True(("Answer: question number 159").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0160() => Assert.True(("Answer: question number 160").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0161() => Assert.True(("Answer: question number 161").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0162() => Assert.True(("Answer: question number 162").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0163() => Assert.True(("Answer: question number 163").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0164() => Assert.True(("Answer: question number 164").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0165() => Assert.True(("Answer: question number 165").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0166() => Assert.True(("Answer: question number 166").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0167() => Assert.True(("Answer: question number 167").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0168() => Assert.True(("Answer: question number 168").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0169() => Assert.True(("Answer: question number 169").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0170() => Assert.True(("Answer: question number 170").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0171() => Assert.True(("Answer: question number 171").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0172() => Assert.True(("Answer: question number 172").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0173() => Assert.True(("Answer: question number 173").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0174() => Assert.True(("Answer: question number 174").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0175() => Assert.True(("Answer: question number 175").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0176() => Assert.True(("Answer: question number 176").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0177() => Assert.True(("Answer: question number 177").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0178() => Assert.True(("Answer: question number 178").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0179() => Assert.True(("Answer: question number 179").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0180() => Assert.True(("Answer: question number 180").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0181() => Assert.True(("Answer: question number 181").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0182() => Assert.True(("Answer: question number 182").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0183() => Assert.True(("Answer: question number 183").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0184() => Assert.True(("Answer: question number 184").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0185() => Assert.True(("Answer: question number 185").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0186() => Assert.True(("Answer: question number 186").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0187() => Assert.True(("Answer: question number 187").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0188() => Assert.True(("Answer: question number 188").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0189() => Assert.True(("Answer: question number 189").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0190() => Assert.True(("Answer: question number 190").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0191() => Assert.True(("Answer: question number 191").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0192() => Assert.True(("Answer: question number 192").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0193() => Assert.True(("Answer: question number 193").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0194() => Assert.True(("Answer: question number 194").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0195() => Assert.True(("Answer: question number 195").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0196() => Assert.True(("Answer: question number 196").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0197() => Assert.True(("Answer: question number 197").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0198() => Assert.True(("Answer: question number 198").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0199() => Assert.True(("Answer: question number 199").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0200() => Assert.True(("Answer: question number 200").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0201() => Assert.True(("Answer: question number 201").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0202() => Assert.True(("Answer: question number 202").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0203() => Assert.True(("Answer: question number 203").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0204() => Assert.True(("Answer: question number 204").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0205() => Assert.True(("Answer: question number 205").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0206() => Assert.True(("Answer: question number 206").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0207() => Assert.True(("Answer: question number 207").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0208() => Assert.True(("Answer: question number 208").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0209() => Assert.True(("Answer: question number 209").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0210() => Assert.True(("Answer: question number 210").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0211() => Assert.True(("Answer: question number 211").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0212() => Assert.True(("Answer: question number 212").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0213() => Assert.True(("Answer: question number 213").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0214() => Assert.True(("Answer: question number 214").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0215() => Assert.True(("Answer: question number 215").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0216() => Assert.True(("Answer: question number 216").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0217() => Assert.True(("Answer: question number 217").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0218() => Assert.True(("Answer: question number 218").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0219() => Assert.True(("Answer: question number 219").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0220() => Assert.True(("Answer: question number 220").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0221() => Assert.True(("Answer: question number 221").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0222() => Assert.True(("Answer: question number 222").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0223() => Assert.True(("Answer: question number 223").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0224() => Assert.True(("Answer: question number 224").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0225() => Assert.True(("Answer: question number 225").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0226() => Assert.True(("Answer: question number 226").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0227() => Assert.True(("Answer: question number 227").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0228() => Assert.True(("Answer: question number 228").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0229() => Assert.True(("Answer: question number 229").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0230() => Assert.True(("Answer: question number 230").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0231() => Assert.True(("Answer: question number 231").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0232() => Assert.True(("Answer: question number 232").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0233() => Assert.True(("Answer: question number 233").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0234() => Assert.True(("Answer: question number 234").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0235() => Assert.True(("Answer: question number 235").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0236() => Assert.True(("Answer: question number 236").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0237() => Assert.True(("Answer: question number 237").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0238() => Assert.True(("Answer: question number 238").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0239() => Assert.True(("Answer: question number 239").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0240() => Assert.True(("Answer: question number 240").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0241() => Assert.True(("Answer: question number 241").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0242() => Assert.True(("Answer: question number 242").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0243() => Assert.True(("Answer: question number 243").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0244() => Assert.True(("Answer: question number 244").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0245() => Assert.True(("Answer: question number 245").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0246() => Assert.True(("Answer: question number 246").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0247() => Assert.True(("Answer: question number 247").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0248() => Assert.True(("Answer: question number 248").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0249() => Assert.True(("Answer: question number 249").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0250() => Assert.True(("Answer: question number 250").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0251() => Assert.True(("Answer: question number 251").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0252() => Assert.True(("Answer: question number 252").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0253() => Assert.True(("Answer: question number 253").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0254() => Assert.True(("Answer: question number 254").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0255() => Assert.True(("Answer: question number 255").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0256() => Assert.True(("Answer: question number 256").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0257() => Assert.True(("Answer: question number 257").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0258() => Assert.True(("Answer: question number 258").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0259() => Assert.True(("Answer: question number 259").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0260() => Assert.True(("Answer: question number 260").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0261() => Assert.True(("Answer: question number 261").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0262() => Assert.True(("Answer: question number 262").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0263() => Assert.True(("Answer: question number 263").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0264() => Assert.True(("Answer: question number 264").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0265() => Assert.True(("Answer: question number 265").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0266() => Assert.True(("Answer: question number 266").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0267() => Assert.True(("Answer: question number 267").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0268() => Assert.True(("Answer: question number 268").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0269() => Assert.True(("Answer: question number 269").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0270() => Assert.True(("Answer: question number 270").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0271() => Assert.True(("Answer: question number 271").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0272() => Assert.True(("Answer: question number 272").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0273() => Assert.True(("Answer: question number 273").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0274() => Assert.True(("Answer: question number 274").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0275() => Assert.True(("Answer: question number 275").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0276() => Assert.True(("Answer: question number 276").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0277() => Assert.True(("Answer: question number 277").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0278() => Assert.True(("Answer: question number 278").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0279() => Assert.True(("Answer: question number 279").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0280() => Assert.True(("Answer: question number 280").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0281() => Assert.True(("Answer: question number 281").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0282() => Assert.True(("Answer: question number 282").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0283() => Assert.True(("Answer: question number 283").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0284() => Assert.True(("Answer: question number 284").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0285() => Assert.True(("Answer: question number 285").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0286() => Assert.True(("Answer: question number 286").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0287() => Assert.True(("Answer: question number 287").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0288() => Assert.True(("Answer: question number 288").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0289() => Assert.True(("Answer: question number 289").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0290() => Assert.True(("Answer: question number 290").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0291() => Assert.True(("Answer: question number 291").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0292() => Assert.True(("Answer: question number 292").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0293() => Assert.True(("Answer: question number 293").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0294() => Assert.True(("Answer: question number 294").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0295() => Assert.True(("Answer: question number 295").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0296() => Assert.True(("Answer: question number 296").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0297() => Assert.True(("Answer: question number 297").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0298() => Assert.True(("Answer: question number 298").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0299() => Assert.True(("Answer: question number 299").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0300() => Assert.True(("Answer: question number 300").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0301() => Assert.True(("Answer: question number 301").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0302() => Assert.True(("Answer: question number 302").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0303() => Assert.True(("Answer: question number 303").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0304() => Assert.True(("Answer: question number 304").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0305() => Assert.True(("Answer: question number 305").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0306() => Assert.True(("Answer: question number 306").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0307() => Assert.True(("Answer: question number 307").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0308() => Assert.True(("Answer: question number 308").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0309() => Assert.True(("Answer: question number 309").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0310() => Assert.True(("Answer: question number 310").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0311() => Assert.True(("Answer: question number 311").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0312() => Assert.True(("Answer: question number 312").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0313() => Assert.True(("Answer: question number 313").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0314() => Assert.True(("Answer: question number 314").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0315() => Assert.True(("Answer: question number 315").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0316() => Assert.True(("Answer: question number 316").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0317() => Assert.True(("Answer: question number 317").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0318() => Assert.True(("Answer: question number 318").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0319() => Assert.True(("Answer: question number 319").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0320() => Assert.True(("Answer: question number 320").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0321() => Assert.True(("Answer: question number 321").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0322() => Assert.True(("Answer: question number 322").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0323() => Assert.True(("Answer: question number 323").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0324() => Assert.True(("Answer: question number 324").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0325() => Assert.True(("Answer: question number 325").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0326() => Assert.True(("Answer: question number 326").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0327() => Assert.True(("Answer: question number 327").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0328() => Assert.True(("Answer: question number 328").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0329() => Assert.True(("Answer: question number 329").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0330() => Assert.True(("Answer: question number 330").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0331() => Assert.True(("Answer: question number 331").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0332() => Assert.True(("Answer: question number 332").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0333() => Assert.True(("Answer: question number 333").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0334() => Assert.True(("Answer: question number 334").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0335() => Assert.True(("Answer: question number 335").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0336() => Assert.True(("Answer: question number 336").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0337() => Assert.True(("Answer: question number 337").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0338() => Assert.True(("Answer: question number 338").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0339() => Assert.True(("Answer: question number 339").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0340() => Assert.True(("Answer: question number 340").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0341() => Assert.True(("Answer: question number 341").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0342() => Assert.True(("Answer: question number 342").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0343() => Assert.True(("Answer: question number 343").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0344() => Assert.True(("Answer: question number 344").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0345() => Assert.True(("Answer: question number 345").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0346() => Assert.True(("Answer: question number 346").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0347() => Assert.True(("Answer: question number 347").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0348() => Assert.True(("Answer: question number 348").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0349() => Assert.True(("Answer: question number 349").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0350() => Assert.True(("Answer: question number 350").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0351() => Assert.True(("Answer: question number 351").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0352() => Assert.True(("Answer: question number 352").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0353() => Assert.True(("Answer: question number 353").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0354() => Assert.True(("Answer: question number 354").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0355() => Assert.True(("Answer: question number 355").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0356() => Assert.True(("Answer: question number 356").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0357() => Assert.True(("Answer: question number 357").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0358() => Assert.True(("Answer: question number 358").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0359() => Assert.True(("Answer: question number 359").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0360() => Assert.True(("Answer: question number 360").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0361() => Assert.True(("Answer: question number 361").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0362() => Assert.True(("Answer: question number 362").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0363() => Assert.True(("Answer: question number 363").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0364() => Assert.True(("Answer: question number 364").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0365() => Assert.True(("Answer: question number 365").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0366() => Assert.True(("Answer: question number 366").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0367() => Assert.True(("Answer: question number 367").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0368() => Assert.True(("Answer: question number 368").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0369() => Assert.True(("Answer: question number 369").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0370() => Assert.True(("Answer: question number 370").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0371() => Assert.True(("Answer: question number 371").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0372() => Assert.True(("Answer: question number 372").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0373() => Assert.True(("Answer: question number 373").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0374() => Assert.True(("Answer: question number 374").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0375() => Assert.True(("Answer: question number 375").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0376() => Assert.True(("Answer: question number 376").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0377() => Assert.True(("Answer: question number 377").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0378() => Assert.True(("Answer: question number 378").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0379() => Assert.True(("Answer: question number 379").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0380() => Assert.True(("Answer: question number 380").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0381() => Assert.True(("Answer: question number 381").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0382() => Assert.True(("Answer: question number 382").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0383() => Assert.True(("Answer: question number 383").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0384() => Assert.True(("Answer: question number 384").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0385() => Assert.True(("Answer: question number 385").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0386() => Assert.True(("Answer: question number 386").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0387() => Assert.True(("Answer: question number 387").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0388() => Assert.True(("Answer: question number 388").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0389() => Assert.True(("Answer: question number 389").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0390() => Assert.True(("Answer: question number 390").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0391() => Assert.True(("Answer: question number 391").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0392() => Assert.True(("Answer: question number 392").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0393() => Assert.True(("Answer: question number 393").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0394() => Assert.True(("Answer: question number 394").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0395() => Assert.True(("Answer: question number 395").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0396() => Assert.True(("Answer: question number 396").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0397() => Assert.True(("Answer: question number 397").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0398() => Assert.True(("Answer: question number 398").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0399() => Assert.True(("Answer: question number 399").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0400() => Assert.True(("Answer: question number 400").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0401() => Assert.True(("Answer: question number 401").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0402() => Assert.True(("Answer: question number 402").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0403() => Assert.True(("Answer: question number 403").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0404() => Assert.True(("Answer: question number 404").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0405() => Assert.True(("Answer: question number 405").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0406() => Assert.True(("Answer: question number 406").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0407() => Assert.True(("Answer: question number 407").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0408() => Assert.True(("Answer: question number 408").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0409() => Assert.True(("Answer: question number 409").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0410() => Assert.True(("Answer: question number 410").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0411() => Assert.True(("Answer: question number 411").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0412() => Assert.True(("Answer: question number 412").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0413() => Assert.True(("Answer: question number 413").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0414() => Assert.True(("Answer: question number 414").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0415() => Assert.True(("Answer: question number 415").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0416() => Assert.True(("Answer: question number 416").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0417() => Assert.True(("Answer: question number 417").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0418() => Assert.True(("Answer: question number 418").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0419() => Assert.True(("Answer: question number 419").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0420() => Assert.True(("Answer: question number 420").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0421() => Assert.True(("Answer: question number 421").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0422() => Assert.True(("Answer: question number 422").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0423() => Assert.True(("Answer: question number 423").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0424() => Assert.True(("Answer: question number 424").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0425() => Assert.True(("Answer: question number 425").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0426() => Assert.True(("Answer: question number 426").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0427() => Assert.True(("Answer: question number 427").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0428() => Assert.True(("Answer: question number 428").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0429() => Assert.True(("Answer: question number 429").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0430() => Assert.True(("Answer: question number 430").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0431() => Assert.True(("Answer: question number 431").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0432() => Assert.True(("Answer: question number 432").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0433() => Assert.True(("Answer: question number 433").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0434() => Assert.True(("Answer: question number 434").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0435() => Assert.True(("Answer: question number 435").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0436() => Assert.True(("Answer: question number 436").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0437() => Assert.True(("Answer: question number 437").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0438() => Assert.True(("Answer: question number 438").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0439() => Assert.True(("Answer: question number 439").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0440() => Assert.True(("Answer: question number 440").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0441() => Assert.True(("Answer: question number 441").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0442() => Assert.True(("Answer: question number 442").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0443() => Assert.True(("Answer: question number 443").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0444() => Assert.True(("Answer: question number 444").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0445() => Assert.True(("Answer: question number 445").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0446() => Assert.True(("Answer: question number 446").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0447() => Assert.True(("Answer: question number 447").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0448() => Assert.True(("Answer: question number 448").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0449() => Assert.True(("Answer: question number 449").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0450() => Assert.True(("Answer: question number 450").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0451() => Assert.True(("Answer: question number 451").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0452() => Assert.True(("Answer: question number 452").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0453() => Assert.True(("Answer: question number 453").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0454() => Assert.True(("Answer: question number 454").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0455() => Assert.True(("Answer: question number 455").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0456() => Assert.True(("Answer: question number 456").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0457() => Assert.True(("Answer: question number 457").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0458() => Assert.True(("Answer: question number 458").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0459() => Assert.True(("Answer: question number 459").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0460() => Assert.True(("Answer: question number 460").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0461() => Assert.True(("Answer: question number 461").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0462() => Assert.True(("Answer: question number 462").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0463() => Assert.True(("Answer: question number 463").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0464() => Assert.True(("Answer: question number 464").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0465() => Assert.True(("Answer: question number 465").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0466() => Assert.True(("Answer: question number 466").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0467() => Assert.True(("Answer: question number 467").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0468() => Assert.True(("Answer: question number 468").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0469() => Assert.True(("Answer: question number 469").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0470() => Assert.True(("Answer: question number 470").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0471() => Assert.True(("Answer: question number 471").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0472() => Assert.True(("Answer: question number 472").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0473() => Assert.True(("Answer: question number 473").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0474() => Assert.True(("Answer: question number 474").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0475() => Assert.True(("Answer: question number 475").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0476() => Assert.True(("Answer: question number 476").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0477() => Assert.True(("Answer: question number 477").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0478() => Assert.True(("Answer: question number 478").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0479() => Assert.True(("Answer: question number 479").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0480() => Assert.True(("Answer: question number 480").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0481() => Assert.True(("Answer: question number 481").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0482() => Assert.True(("Answer: question number 482").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0483() => Assert.True(("Answer: question number 483").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0484() => Assert.True(("Answer: question number 484").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0485() => Assert.True(("Answer: question number 485").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0486() => Assert.True(("Answer: question number 486").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0487() => Assert.True(("Answer: question number 487").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0488() => Assert.True(("Answer: question number 488").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0489() => Assert.True(("Answer: question number 489").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0490() => Assert.True(("Answer: question number 490").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0491() => Assert.True(("Answer: question number 491").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0492() => Assert.True(("Answer: question number 492").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0493() => Assert.True(("Answer: question number 493").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0494() => Assert.True(("Answer: question number 494").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0495() => Assert.True(("Answer: question number 495").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0496() => Assert.True(("Answer: question number 496").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0497() => Assert.True(("Answer: question number 497").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0498() => Assert.True(("Answer: question number 498").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0499() => Assert.True(("Answer: question number 499").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0500() => Assert.True(("Answer: question number 500").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0501() => Assert.True(("Answer: question number 501").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0502() => Assert.True(("Answer: question number 502").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0503() => Assert.True(("Answer: question number 503").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0504() => Assert.True(("Answer: question number 504").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0505() => Assert.True(("Answer: question number 505").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0506() => Assert.True(("Answer: question number 506").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0507() => Assert.True(("Answer: question number 507").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0508() => Assert.True(("Answer: question number 508").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0509() => Assert.True(("Answer: question number 509").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0510() => Assert.True(("Answer: question number 510").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0511() => Assert.True(("Answer: question number 511").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0512() => Assert.True(("Answer: question number 512").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0513() => Assert.True(("Answer: question number 513").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0514() => Assert.True(("Answer: question number 514").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0515() => Assert.True(("Answer: question number 515").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0516() => Assert.True(("Answer: question number 516").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0517() => Assert.True(("Answer: question number 517").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0518() => Assert.True(("Answer: question number 518").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0519() => Assert.True(("Answer: question number 519").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0520() => Assert.True(("Answer: question number 520").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0521() => Assert.True(("Answer: question number 521").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0522() => Assert.True(("Answer: question number 522").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0523() => Assert.True(("Answer: question number 523").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0524() => Assert.True(("Answer: question number 524").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0525() => Assert.True(("Answer: question number 525").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0526() => Assert.True(("Answer: question number 526").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0527() => Assert.True(("Answer: question number 527").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0528() => Assert.True(("Answer: question number 528").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0529() => Assert.True(("Answer: question number 529").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0530() => Assert.True(("Answer: question number 530").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0531() => Assert.True(("Answer: question number 531").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0532() => Assert.True(("Answer: question number 532").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0533() => Assert.True(("Answer: question number 533").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0534() => Assert.True(("Answer: question number 534").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0535() => Assert.True(("Answer: question number 535").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0536() => Assert.True(("Answer: question number 536").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0537() => Assert.True(("Answer: question number 537").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0538() => Assert.True(("Answer: question number 538").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0539() => Assert.True(("Answer: question number 539").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0540() => Assert.True(("Answer: question number 540").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0541() => Assert.True(("Answer: question number 541").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0542() => Assert.True(("Answer: question number 542").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0543() => Assert.True(("Answer: question number 543").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0544() => Assert.True(("Answer: question number 544").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0545() => Assert.True(("Answer: question number 545").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0546() => Assert.True(("Answer: question number 546").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0547() => Assert.True(("Answer: question number 547").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0548() => Assert.True(("Answer: question number 548").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0549() => Assert.True(("Answer: question number 549").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0550() => Assert.True(("Answer: question number 550").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0551() => Assert.True(("Answer: question number 551").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0552() => Assert.True(("Answer: question number 552").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0553() => Assert.True(("Answer: question number 553").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0554() => Assert.True(("Answer: question number 554").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0555() => Assert.True(("Answer: question number 555").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0556() => Assert.True(("Answer: question number 556").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0557() => Assert.True(("Answer: question number 557").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0558() => Assert.True(("Answer: question number 558").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0559() => Assert.True(("Answer: question number 559").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0560() => Assert.True(("Answer: question number 560").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0561() => Assert.True(("Answer: question number 561").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0562() => Assert.True(("Answer: question number 562").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0563() => Assert.True(("Answer: question number 563").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0564() => Assert.True(("Answer: question number 564").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0565() => Assert.True(("Answer: question number 565").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0566() => Assert.True(("Answer: question number 566").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0567() => Assert.True(("Answer: question number 567").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0568() => Assert.True(("Answer: question number 568").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0569() => Assert.True(("Answer: question number 569").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0570() => Assert.True(("Answer: question number 570").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0571() => Assert.True(("Answer: question number 571").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0572() => Assert.True(("Answer: question number 572").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0573() => Assert.True(("Answer: question number 573").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0574() => Assert.True(("Answer: question number 574").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0575() => Assert.True(("Answer: question number 575").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0576() => Assert.True(("Answer: question number 576").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0577() => Assert.True(("Answer: question number 577").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0578() => Assert.True(("Answer: question number 578").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0579() => Assert.True(("Answer: question number 579").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0580() => Assert.True(("Answer: question number 580").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0581() => Assert.True(("Answer: question number 581").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0582() => Assert.True(("Answer: question number 582").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0583() => Assert.True(("Answer: question number 583").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0584() => Assert.True(("Answer: question number 584").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0585() => Assert.True(("Answer: question number 585").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0586() => Assert.True(("Answer: question number 586").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0587() => Assert.True(("Answer: question number 587").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0588() => Assert.True(("Answer: question number 588").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0589() => Assert.True(("Answer: question number 589").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0590() => Assert.True(("Answer: question number 590").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0591() => Assert.True(("Answer: question number 591").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0592() => Assert.True(("Answer: question number 592").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0593() => Assert.True(("Answer: question number 593").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0594() => Assert.True(("Answer: question number 594").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0595() => Assert.True(("Answer: question number 595").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0596() => Assert.True(("Answer: question number 596").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0597() => Assert.True(("Answer: question number 597").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0598() => Assert.True(("Answer: question number 598").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0599() => Assert.True(("Answer: question number 599").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0600() => Assert.True(("Answer: question number 600").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0601() => Assert.True(("Answer: question number 601").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0602() => Assert.True(("Answer: question number 602").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0603() => Assert.True(("Answer: question number 603").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0604() => Assert.True(("Answer: question number 604").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0605() => Assert.True(("Answer: question number 605").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0606() => Assert.True(("Answer: question number 606").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0607() => Assert.True(("Answer: question number 607").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0608() => Assert.True(("Answer: question number 608").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0609() => Assert.True(("Answer: question number 609").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0610() => Assert.True(("Answer: question number 610").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0611() => Assert.True(("Answer: question number 611").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0612() => Assert.True(("Answer: question number 612").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0613() => Assert.True(("Answer: question number 613").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0614() => Assert.True(("Answer: question number 614").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0615() => Assert.True(("Answer: question number 615").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0616() => Assert.True(("Answer: question number 616").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0617() => Assert.True(("Answer: question number 617").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0618() => Assert.True(("Answer: question number 618").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0619() => Assert.True(("Answer: question number 619").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0620() => Assert.True(("Answer: question number 620").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0621() => Assert.True(("Answer: question number 621").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0622() => Assert.True(("Answer: question number 622").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0623() => Assert.True(("Answer: question number 623").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0624() => Assert.True(("Answer: question number 624").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0625() => Assert.True(("Answer: question number 625").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0626() => Assert.True(("Answer: question number 626").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0627() => Assert.True(("Answer: question number 627").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0628() => Assert.True(("Answer: question number 628").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0629() => Assert.True(("Answer: question number 629").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0630() => Assert.True(("Answer: question number 630").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0631() => Assert.True(("Answer: question number 631").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0632() => Assert.True(("Answer: question number 632").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0633() => Assert.True(("Answer: question number 633").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0634() => Assert.True(("Answer: question number 634").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0635() => Assert.True(("Answer: question number 635").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0636() => Assert.True(("Answer: question number 636").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0637() => Assert.True(("Answer: question number 637").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0638() => Assert.True(("Answer: question number 638").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0639() => Assert.True(("Answer: question number 639").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0640() => Assert.True(("Answer: question number 640").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0641() => Assert.True(("Answer: question number 641").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0642() => Assert.True(("Answer: question number 642").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0643() => Assert.True(("Answer: question number 643").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0644() => Assert.True(("Answer: question number 644").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0645() => Assert.True(("Answer: question number 645").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0646() => Assert.True(("Answer: question number 646").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0647() => Assert.True(("Answer: question number 647").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0648() => Assert.True(("Answer: question number 648").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0649() => Assert.True(("Answer: question number 649").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0650() => Assert.True(("Answer: question number 650").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0651() => Assert.True(("Answer: question number 651").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0652() => Assert.True(("Answer: question number 652").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0653() => Assert.True(("Answer: question number 653").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0654() => Assert.True(("Answer: question number 654").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0655() => Assert.True(("Answer: question number 655").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0656() => Assert.True(("Answer: question number 656").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0657() => Assert.True(("Answer: question number 657").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0658() => Assert.True(("Answer: question number 658").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0659() => Assert.True(("Answer: question number 659").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0660() => Assert.True(("Answer: question number 660").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0661() => Assert.True(("Answer: question number 661").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0662() => Assert.True(("Answer: question number 662").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0663() => Assert.True(("Answer: question number 663").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0664() => Assert.True(("Answer: question number 664").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0665() => Assert.True(("Answer: question number 665").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0666() => Assert.True(("Answer: question number 666").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0667() => Assert.True(("Answer: question number 667").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0668() => Assert.True(("Answer: question number 668").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0669() => Assert.True(("Answer: question number 669").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0670() => Assert.True(("Answer: question number 670").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0671() => Assert.True(("Answer: question number 671").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0672() => Assert.True(("Answer: question number 672").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0673() => Assert.True(("Answer: question number 673").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0674() => Assert.True(("Answer: question number 674").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0675() => Assert.True(("Answer: question number 675").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0676() => Assert.True(("Answer: question number 676").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0677() => Assert.True(("Answer: question number 677").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0678() => Assert.True(("Answer: question number 678").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0679() => Assert.True(("Answer: question number 679").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0680() => Assert.True(("Answer: question number 680").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0681() => Assert.True(("Answer: question number 681").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0682() => Assert.True(("Answer: question number 682").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0683() => Assert.True(("Answer: question number 683").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0684() => Assert.True(("Answer: question number 684").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0685() => Assert.True(("Answer: question number 685").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0686() => Assert.True(("Answer: question number 686").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0687() => Assert.True(("Answer: question number 687").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0688() => Assert.True(("Answer: question number 688").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0689() => Assert.True(("Answer: question number 689").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0690() => Assert.True(("Answer: question number 690").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0691() => Assert.True(("Answer: question number 691").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0692() => Assert.True(("Answer: question number 692").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0693() => Assert.True(("Answer: question number 693").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0694() => Assert.True(("Answer: question number 694").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0695() => Assert.True(("Answer: question number 695").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0696() => Assert.True(("Answer: question number 696").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0697() => Assert.True(("Answer: question number 697").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0698() => Assert.True(("Answer: question number 698").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0699() => Assert.True(("Answer: question number 699").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0700() => Assert.True(("Answer: question number 700").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0701() => Assert.True(("Answer: question number 701").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0702() => Assert.True(("Answer: question number 702").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0703() => Assert.True(("Answer: question number 703").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0704() => Assert.True(("Answer: question number 704").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0705() => Assert.True(("Answer: question number 705").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0706() => Assert.True(("Answer: question number 706").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0707() => Assert.True(("Answer: question number 707").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0708() => Assert.True(("Answer: question number 708").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0709() => Assert.True(("Answer: question number 709").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0710() => Assert.True(("Answer: question number 710").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0711() => Assert.True(("Answer: question number 711").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0712() => Assert.True(("Answer: question number 712").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0713() => Assert.True(("Answer: question number 713").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0714() => Assert.True(("Answer: question number 714").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0715() => Assert.True(("Answer: question number 715").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0716() => Assert.True(("Answer: question number 716").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0717() => Assert.True(("Answer: question number 717").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0718() => Assert.True(("Answer: question number 718").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0719() => Assert.True(("Answer: question number 719").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0720() => Assert.True(("Answer: question number 720").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0721() => Assert.True(("Answer: question number 721").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0722() => Assert.True(("Answer: question number 722").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0723() => Assert.True(("Answer: question number 723").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0724() => Assert.True(("Answer: question number 724").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0725() => Assert.True(("Answer: question number 725").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0726() => Assert.True(("Answer: question number 726").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0727() => Assert.True(("Answer: question number 727").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0728() => Assert.True(("Answer: question number 728").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0729() => Assert.True(("Answer: question number 729").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0730() => Assert.True(("Answer: question number 730").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0731() => Assert.True(("Answer: question number 731").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0732() => Assert.True(("Answer: question number 732").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0733() => Assert.True(("Answer: question number 733").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0734() => Assert.True(("Answer: question number 734").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0735() => Assert.True(("Answer: question number 735").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0736() => Assert.True(("Answer: question number 736").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0737() => Assert.True(("Answer: question number 737").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0738() => Assert.True(("Answer: question number 738").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0739() => Assert.True(("Answer: question number 739").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0740() => Assert.True(("Answer: question number 740").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0741() => Assert.True(("Answer: question number 741").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0742() => Assert.True(("Answer: question number 742").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0743() => Assert.True(("Answer: question number 743").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0744() => Assert.True(("Answer: question number 744").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0745() => Assert.True(("Answer: question number 745").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0746() => Assert.True(("Answer: question number 746").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0747() => Assert.True(("Answer: question number 747").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0748() => Assert.True(("Answer: question number 748").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0749() => Assert.True(("Answer: question number 749").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0750() => Assert.True(("Answer: question number 750").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0751() => Assert.True(("Answer: question number 751").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0752() => Assert.True(("Answer: question number 752").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0753() => Assert.True(("Answer: question number 753").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0754() => Assert.True(("Answer: question number 754").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0755() => Assert.True(("Answer: question number 755").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0756() => Assert.True(("Answer: question number 756").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0757() => Assert.True(("Answer: question number 757").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0758() => Assert.True(("Answer: question number 758").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0759() => Assert.True(("Answer: question number 759").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0760() => Assert.True(("Answer: question number 760").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0761() => Assert.True(("Answer: question number 761").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0762() => Assert.True(("Answer: question number 762").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0763() => Assert.True(("Answer: question number 763").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0764() => Assert.True(("Answer: question number 764").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0765() => Assert.True(("Answer: question number 765").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0766() => Assert.True(("Answer: question number 766").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0767() => Assert.True(("Answer: question number 767").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0768() => Assert.True(("Answer: question number 768").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0769() => Assert.True(("Answer: question number 769").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0770() => Assert.True(("Answer: question number 770").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0771() => Assert.True(("Answer: question number 771").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0772() => Assert.True(("Answer: question number 772").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0773() => Assert.True(("Answer: question number 773").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0774() => Assert.True(("Answer: question number 774").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0775() => Assert.True(("Answer: question number 775").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0776() => Assert.True(("Answer: question number 776").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0777() => Assert.True(("Answer: question number 777").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0778() => Assert.True(("Answer: question number 778").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0779() => Assert.True(("Answer: question number 779").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0780() => Assert.True(("Answer: question number 780").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0781() => Assert.True(("Answer: question number 781").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0782() => Assert.True(("Answer: question number 782").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0783() => Assert.True(("Answer: question number 783").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0784() => Assert.True(("Answer: question number 784").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0785() => Assert.True(("Answer: question number 785").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0786() => Assert.True(("Answer: question number 786").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0787() => Assert.True(("Answer: question number 787").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0788() => Assert.True(("Answer: question number 788").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0789() => Assert.True(("Answer: question number 789").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0790() => Assert.True(("Answer: question number 790").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0791() => Assert.True(("Answer: question number 791").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0792() => Assert.True(("Answer: question number 792").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0793() => Assert.True(("Answer: question number 793").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0794() => Assert.True(("Answer: question number 794").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0795() => Assert.True(("Answer: question number 795").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0796() => Assert.True(("Answer: question number 796").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0797() => Assert.True(("Answer: question number 797").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0798() => Assert.True(("Answer: question number 798").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0799() => Assert.True(("Answer: question number 799").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0800() => Assert.True(("Answer: question number 800").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0801() => Assert.True(("Answer: question number 801").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0802() => Assert.True(("Answer: question number 802").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0803() => Assert.True(("Answer: question number 803").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0804() => Assert.True(("Answer: question number 804").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0805() => Assert.True(("Answer: question number 805").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0806() => Assert.True(("Answer: question number 806").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0807() => Assert.True(("Answer: question number 807").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0808() => Assert.True(("Answer: question number 808").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0809() => Assert.True(("Answer: question number 809").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0810() => Assert.True(("Answer: question number 810").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0811() => Assert.True(("Answer: question number 811").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0812() => Assert.True(("Answer: question number 812").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0813() => Assert.True(("Answer: question number 813").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0814() => Assert.True(("Answer: question number 814").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0815() => Assert.True(("Answer: question number 815").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0816() => Assert.True(("Answer: question number 816").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0817() => Assert.True(("Answer: question number 817").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0818() => Assert.True(("Answer: question number 818").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0819() => Assert.True(("Answer: question number 819").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0820() => Assert.True(("Answer: question number 820").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0821() => Assert.True(("Answer: question number 821").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0822() => Assert.True(("Answer: question number 822").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0823() => Assert.True(("Answer: question number 823").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0824() => Assert.True(("Answer: question number 824").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0825() => Assert.True(("Answer: question number 825").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0826() => Assert.True(("Answer: question number 826").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0827() => Assert.True(("Answer: question number 827").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0828() => Assert.True(("Answer: question number 828").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0829() => Assert.True(("Answer: question number 829").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0830() => Assert.True(("Answer: question number 830").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0831() => Assert.True(("Answer: question number 831").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0832() => Assert.True(("Answer: question number 832").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0833() => Assert.True(("Answer: question number 833").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0834() => Assert.True(("Answer: question number 834").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0835() => Assert.True(("Answer: question number 835").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0836() => Assert.True(("Answer: question number 836").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0837() => Assert.True(("Answer: question number 837").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0838() => Assert.True(("Answer: question number 838").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0839() => Assert.True(("Answer: question number 839").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0840() => Assert.True(("Answer: question number 840").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0841() => Assert.True(("Answer: question number 841").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0842() => Assert.True(("Answer: question number 842").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0843() => Assert.True(("Answer: question number 843").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0844() => Assert.True(("Answer: question number 844").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0845() => Assert.True(("Answer: question number 845").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0846() => Assert.True(("Answer: question number 846").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0847() => Assert.True(("Answer: question number 847").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0848() => Assert.True(("Answer: question number 848").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0849() => Assert.True(("Answer: question number 849").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0850() => Assert.True(("Answer: question number 850").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0851() => Assert.True(("Answer: question number 851").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0852() => Assert.True(("Answer: question number 852").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0853() => Assert.True(("Answer: question number 853").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0854() => Assert.True(("Answer: question number 854").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0855() => Assert.True(("Answer: question number 855").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0856() => Assert.True(("Answer: question number 856").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0857() => Assert.True(("Answer: question number 857").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0858() => Assert.True(("Answer: question number 858").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0859() => Assert.True(("Answer: question number 859").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0860() => Assert.True(("Answer: question number 860").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0861() => Assert.True(("Answer: question number 861").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0862() => Assert.True(("Answer: question number 862").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0863() => Assert.True(("Answer: question number 863").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0864() => Assert.True(("Answer: question number 864").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0865() => Assert.True(("Answer: question number 865").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0866() => Assert.True(("Answer: question number 866").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0867() => Assert.True(("Answer: question number 867").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0868() => Assert.True(("Answer: question number 868").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0869() => Assert.True(("Answer: question number 869").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0870() => Assert.True(("Answer: question number 870").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0871() => Assert.True(("Answer: question number 871").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0872() => Assert.True(("Answer: question number 872").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0873() => Assert.True(("Answer: question number 873").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0874() => Assert.True(("Answer: question number 874").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0875() => Assert.True(("Answer: question number 875").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0876() => Assert.True(("Answer: question number 876").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0877() => Assert.True(("Answer: question number 877").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0878() => Assert.True(("Answer: question number 878").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0879() => Assert.True(("Answer: question number 879").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0880() => Assert.True(("Answer: question number 880").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0881() => Assert.True(("Answer: question number 881").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0882() => Assert.True(("Answer: question number 882").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0883() => Assert.True(("Answer: question number 883").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0884() => Assert.True(("Answer: question number 884").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0885() => Assert.True(("Answer: question number 885").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0886() => Assert.True(("Answer: question number 886").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0887() => Assert.True(("Answer: question number 887").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0888() => Assert.True(("Answer: question number 888").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0889() => Assert.True(("Answer: question number 889").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0890() => Assert.True(("Answer: question number 890").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0891() => Assert.True(("Answer: question number 891").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0892() => Assert.True(("Answer: question number 892").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0893() => Assert.True(("Answer: question number 893").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0894() => Assert.True(("Answer: question number 894").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0895() => Assert.True(("Answer: question number 895").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0896() => Assert.True(("Answer: question number 896").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0897() => Assert.True(("Answer: question number 897").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0898() => Assert.True(("Answer: question number 898").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0899() => Assert.True(("Answer: question number 899").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0900() => Assert.True(("Answer: question number 900").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0901() => Assert.True(("Answer: question number 901").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0902() => Assert.True(("Answer: question number 902").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0903() => Assert.True(("Answer: question number 903").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0904() => Assert.True(("Answer: question number 904").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0905() => Assert.True(("Answer: question number 905").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0906() => Assert.True(("Answer: question number 906").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0907() => Assert.True(("Answer: question number 907").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0908() => Assert.True(("Answer: question number 908").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0909() => Assert.True(("Answer: question number 909").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0910() => Assert.True(("Answer: question number 910").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0911() => Assert.True(("Answer: question number 911").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0912() => Assert.True(("Answer: question number 912").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0913() => Assert.True(("Answer: question number 913").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0914() => Assert.True(("Answer: question number 914").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0915() => Assert.True(("Answer: question number 915").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0916() => Assert.True(("Answer: question number 916").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0917() => Assert.True(("Answer: question number 917").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0918() => Assert.True(("Answer: question number 918").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0919() => Assert.True(("Answer: question number 919").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0920() => Assert.True(("Answer: question number 920").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0921() => Assert.True(("Answer: question number 921").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0922() => Assert.True(("Answer: question number 922").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0923() => Assert.True(("Answer: question number 923").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0924() => Assert.True(("Answer: question number 924").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0925() => Assert.True(("Answer: question number 925").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0926() => Assert.True(("Answer: question number 926").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0927() => Assert.True(("Answer: question number 927").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0928() => Assert.True(("Answer: question number 928").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0929() => Assert.True(("Answer: question number 929").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0930() => Assert.True(("Answer: question number 930").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0931() => Assert.True(("Answer: question number 931").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0932() => Assert.True(("Answer: question number 932").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0933() => Assert.True(("Answer: question number 933").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0934() => Assert.True(("Answer: question number 934").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0935() => Assert.True(("Answer: question number 935").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0936() => Assert.True(("Answer: question number 936").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0937() => Assert.True(("Answer: question number 937").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0938() => Assert.True(("Answer: question number 938").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0939() => Assert.True(("Answer: question number 939").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0940() => Assert.True(("Answer: question number 940").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0941() => Assert.True(("Answer: question number 941").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0942() => Assert.True(("Answer: question number 942").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0943() => Assert.True(("Answer: question number 943").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0944() => Assert.True(("Answer: question number 944").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0945() => Assert.True(("Answer: question number 945").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0946() => Assert.True(("Answer: question number 946").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0947() => Assert.True(("Answer: question number 947").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0948() => Assert.True(("Answer: question number 948").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0949() => Assert.True(("Answer: question number 949").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0950() => Assert.True(("Answer: question number 950").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0951() => Assert.True(("Answer: question number 951").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0952() => Assert.True(("Answer: question number 952").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0953() => Assert.True(("Answer: question number 953").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0954() => Assert.True(("Answer: question number 954").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0955() => Assert.True(("Answer: question number 955").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0956() => Assert.True(("Answer: question number 956").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0957() => Assert.True(("Answer: question number 957").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0958() => Assert.True(("Answer: question number 958").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0959() => Assert.True(("Answer: question number 959").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0960() => Assert.True(("Answer: question number 960").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0961() => Assert.True(("Answer: question number 961").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0962() => Assert.True(("Answer: question number 962").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0963() => Assert.True(("Answer: question number 963").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0964() => Assert.True(("Answer: question number 964").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0965() => Assert.True(("Answer: question number 965").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0966() => Assert.True(("Answer: question number 966").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0967() => Assert.True(("Answer: question number 967").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0968() => Assert.True(("Answer: question number 968").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0969() => Assert.True(("Answer: question number 969").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0970() => Assert.True(("Answer: question number 970").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0971() => Assert.True(("Answer: question number 971").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0972() => Assert.True(("Answer: question number 972").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0973() => Assert.True(("Answer: question number 973").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0974() => Assert.True(("Answer: question number 974").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0975() => Assert.True(("Answer: question number 975").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0976() => Assert.True(("Answer: question number 976").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0977() => Assert.True(("Answer: question number 977").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0978() => Assert.True(("Answer: question number 978").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0979() => Assert.True(("Answer: question number 979").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0980() => Assert.True(("Answer: question number 980").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0981() => Assert.True(("Answer: question number 981").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0982() => Assert.True(("Answer: question number 982").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0983() => Assert.True(("Answer: question number 983").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0984() => Assert.True(("Answer: question number 984").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0985() => Assert.True(("Answer: question number 985").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0986() => Assert.True(("Answer: question number 986").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0987() => Assert.True(("Answer: question number 987").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0988() => Assert.True(("Answer: question number 988").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0989() => Assert.True(("Answer: question number 989").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0990() => Assert.True(("Answer: question number 990").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0991() => Assert.True(("Answer: question number 991").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0992() => Assert.True(("Answer: question number 992").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0993() => Assert.True(("Answer: question number 993").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0994() => Assert.True(("Answer: question number 994").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0995() => Assert.True(("Answer: question number 995").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0996() => Assert.True(("Answer: question number 996").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0997() => Assert.True(("Answer: question number 997").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0998() => Assert.True(("Answer: question number 998").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact0999() => Assert.True(("Answer: question number 999").Contains("Answer", System.StringComparison.Ordinal));

    [Fact]
    public void Fact1000() => Assert.True(("Answer: question number 1000").Contains("Answer", System.StringComparison.Ordinal));
}
