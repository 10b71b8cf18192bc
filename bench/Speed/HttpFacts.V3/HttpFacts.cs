using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Xunit;

namespace SpeedHttpFacts;

/// <summary>The calls of the tests, through the eval rows' client (bench/Speed/Suite/SpeedClient.cs).</summary>
internal static class Http
{
    public static async Task Ask(int n) =>
        Assert.Contains("Answer", (await SpeedSuite.SpeedClient.Client.GetResponseAsync("Reply to: question number " + n, cancellationToken: TestContext.Current.CancellationToken)).Text);
}
// 125 classes (xUnit runs the tests of a class one after another, classes in parallel) of 8 calls each: 1,000 calls; the
// first 25 (Set=200) are the 200 calls of the figure at concurrency 16.

[Trait("Set", "200")]
public class Calls001
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls002
{
    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls003
{
    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls004
{
    [Theory]
    [InlineData(25)]
    [InlineData(26)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(32)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls005
{
    [Theory]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(38)]
    [InlineData(39)]
    [InlineData(40)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls006
{
    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(43)]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(46)]
    [InlineData(47)]
    [InlineData(48)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls007
{
    [Theory]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(53)]
    [InlineData(54)]
    [InlineData(55)]
    [InlineData(56)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls008
{
    [Theory]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls009
{
    [Theory]
    [InlineData(65)]
    [InlineData(66)]
    [InlineData(67)]
    [InlineData(68)]
    [InlineData(69)]
    [InlineData(70)]
    [InlineData(71)]
    [InlineData(72)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls010
{
    [Theory]
    [InlineData(73)]
    [InlineData(74)]
    [InlineData(75)]
    [InlineData(76)]
    [InlineData(77)]
    [InlineData(78)]
    [InlineData(79)]
    [InlineData(80)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls011
{
    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    [InlineData(83)]
    [InlineData(84)]
    [InlineData(85)]
    [InlineData(86)]
    [InlineData(87)]
    [InlineData(88)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls012
{
    [Theory]
    [InlineData(89)]
    [InlineData(90)]
    [InlineData(91)]
    [InlineData(92)]
    [InlineData(93)]
    [InlineData(94)]
    [InlineData(95)]
    [InlineData(96)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls013
{
    [Theory]
    [InlineData(97)]
    [InlineData(98)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls014
{
    [Theory]
    [InlineData(105)]
    [InlineData(106)]
    [InlineData(107)]
    [InlineData(108)]
    [InlineData(109)]
    [InlineData(110)]
    [InlineData(111)]
    [InlineData(112)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls015
{
    [Theory]
    [InlineData(113)]
    [InlineData(114)]
    [InlineData(115)]
    [InlineData(116)]
    [InlineData(117)]
    [InlineData(118)]
    [InlineData(119)]
    [InlineData(120)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls016
{
    [Theory]
    [InlineData(121)]
    [InlineData(122)]
    [InlineData(123)]
    [InlineData(124)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(127)]
    [InlineData(128)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls017
{
    [Theory]
    [InlineData(129)]
    [InlineData(130)]
    [InlineData(131)]
    [InlineData(132)]
    [InlineData(133)]
    [InlineData(134)]
    [InlineData(135)]
    [InlineData(136)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls018
{
    [Theory]
    [InlineData(137)]
    [InlineData(138)]
    [InlineData(139)]
    [InlineData(140)]
    [InlineData(141)]
    [InlineData(142)]
    [InlineData(143)]
    [InlineData(144)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls019
{
    [Theory]
    [InlineData(145)]
    [InlineData(146)]
    [InlineData(147)]
    [InlineData(148)]
    [InlineData(149)]
    [InlineData(150)]
    [InlineData(151)]
    [InlineData(152)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls020
{
    [Theory]
    [InlineData(153)]
    [InlineData(154)]
    [InlineData(155)]
    [InlineData(156)]
    [InlineData(157)]
    [InlineData(158)]
    [InlineData(159)]
    [InlineData(160)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls021
{
    [Theory]
    [InlineData(161)]
    [InlineData(162)]
    [InlineData(163)]
    [InlineData(164)]
    [InlineData(165)]
    [InlineData(166)]
    [InlineData(167)]
    [InlineData(168)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls022
{
    [Theory]
    [InlineData(169)]
    [InlineData(170)]
    [InlineData(171)]
    [InlineData(172)]
    [InlineData(173)]
    [InlineData(174)]
    [InlineData(175)]
    [InlineData(176)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls023
{
    [Theory]
    [InlineData(177)]
    [InlineData(178)]
    [InlineData(179)]
    [InlineData(180)]
    [InlineData(181)]
    [InlineData(182)]
    [InlineData(183)]
    [InlineData(184)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls024
{
    [Theory]
    [InlineData(185)]
    [InlineData(186)]
    [InlineData(187)]
    [InlineData(188)]
    [InlineData(189)]
    [InlineData(190)]
    [InlineData(191)]
    [InlineData(192)]
    public Task Call(int n) => Http.Ask(n);
}

[Trait("Set", "200")]
public class Calls025
{
    [Theory]
    [InlineData(193)]
    [InlineData(194)]
    [InlineData(195)]
    [InlineData(196)]
    [InlineData(197)]
    [InlineData(198)]
    [InlineData(199)]
    [InlineData(200)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls026
{
    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(203)]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(206)]
    [InlineData(207)]
    [InlineData(208)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls027
{
    [Theory]
    [InlineData(209)]
    [InlineData(210)]
    [InlineData(211)]
    [InlineData(212)]
    [InlineData(213)]
    [InlineData(214)]
    [InlineData(215)]
    [InlineData(216)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls028
{
    [Theory]
    [InlineData(217)]
    [InlineData(218)]
    [InlineData(219)]
    [InlineData(220)]
    [InlineData(221)]
    [InlineData(222)]
    [InlineData(223)]
    [InlineData(224)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls029
{
    [Theory]
    [InlineData(225)]
    [InlineData(226)]
    [InlineData(227)]
    [InlineData(228)]
    [InlineData(229)]
    [InlineData(230)]
    [InlineData(231)]
    [InlineData(232)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls030
{
    [Theory]
    [InlineData(233)]
    [InlineData(234)]
    [InlineData(235)]
    [InlineData(236)]
    [InlineData(237)]
    [InlineData(238)]
    [InlineData(239)]
    [InlineData(240)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls031
{
    [Theory]
    [InlineData(241)]
    [InlineData(242)]
    [InlineData(243)]
    [InlineData(244)]
    [InlineData(245)]
    [InlineData(246)]
    [InlineData(247)]
    [InlineData(248)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls032
{
    [Theory]
    [InlineData(249)]
    [InlineData(250)]
    [InlineData(251)]
    [InlineData(252)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(256)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls033
{
    [Theory]
    [InlineData(257)]
    [InlineData(258)]
    [InlineData(259)]
    [InlineData(260)]
    [InlineData(261)]
    [InlineData(262)]
    [InlineData(263)]
    [InlineData(264)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls034
{
    [Theory]
    [InlineData(265)]
    [InlineData(266)]
    [InlineData(267)]
    [InlineData(268)]
    [InlineData(269)]
    [InlineData(270)]
    [InlineData(271)]
    [InlineData(272)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls035
{
    [Theory]
    [InlineData(273)]
    [InlineData(274)]
    [InlineData(275)]
    [InlineData(276)]
    [InlineData(277)]
    [InlineData(278)]
    [InlineData(279)]
    [InlineData(280)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls036
{
    [Theory]
    [InlineData(281)]
    [InlineData(282)]
    [InlineData(283)]
    [InlineData(284)]
    [InlineData(285)]
    [InlineData(286)]
    [InlineData(287)]
    [InlineData(288)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls037
{
    [Theory]
    [InlineData(289)]
    [InlineData(290)]
    [InlineData(291)]
    [InlineData(292)]
    [InlineData(293)]
    [InlineData(294)]
    [InlineData(295)]
    [InlineData(296)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls038
{
    [Theory]
    [InlineData(297)]
    [InlineData(298)]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(304)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls039
{
    [Theory]
    [InlineData(305)]
    [InlineData(306)]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(309)]
    [InlineData(310)]
    [InlineData(311)]
    [InlineData(312)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls040
{
    [Theory]
    [InlineData(313)]
    [InlineData(314)]
    [InlineData(315)]
    [InlineData(316)]
    [InlineData(317)]
    [InlineData(318)]
    [InlineData(319)]
    [InlineData(320)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls041
{
    [Theory]
    [InlineData(321)]
    [InlineData(322)]
    [InlineData(323)]
    [InlineData(324)]
    [InlineData(325)]
    [InlineData(326)]
    [InlineData(327)]
    [InlineData(328)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls042
{
    [Theory]
    [InlineData(329)]
    [InlineData(330)]
    [InlineData(331)]
    [InlineData(332)]
    [InlineData(333)]
    [InlineData(334)]
    [InlineData(335)]
    [InlineData(336)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls043
{
    [Theory]
    [InlineData(337)]
    [InlineData(338)]
    [InlineData(339)]
    [InlineData(340)]
    [InlineData(341)]
    [InlineData(342)]
    [InlineData(343)]
    [InlineData(344)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls044
{
    [Theory]
    [InlineData(345)]
    [InlineData(346)]
    [InlineData(347)]
    [InlineData(348)]
    [InlineData(349)]
    [InlineData(350)]
    [InlineData(351)]
    [InlineData(352)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls045
{
    [Theory]
    [InlineData(353)]
    [InlineData(354)]
    [InlineData(355)]
    [InlineData(356)]
    [InlineData(357)]
    [InlineData(358)]
    [InlineData(359)]
    [InlineData(360)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls046
{
    [Theory]
    [InlineData(361)]
    [InlineData(362)]
    [InlineData(363)]
    [InlineData(364)]
    [InlineData(365)]
    [InlineData(366)]
    [InlineData(367)]
    [InlineData(368)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls047
{
    [Theory]
    [InlineData(369)]
    [InlineData(370)]
    [InlineData(371)]
    [InlineData(372)]
    [InlineData(373)]
    [InlineData(374)]
    [InlineData(375)]
    [InlineData(376)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls048
{
    [Theory]
    [InlineData(377)]
    [InlineData(378)]
    [InlineData(379)]
    [InlineData(380)]
    [InlineData(381)]
    [InlineData(382)]
    [InlineData(383)]
    [InlineData(384)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls049
{
    [Theory]
    [InlineData(385)]
    [InlineData(386)]
    [InlineData(387)]
    [InlineData(388)]
    [InlineData(389)]
    [InlineData(390)]
    [InlineData(391)]
    [InlineData(392)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls050
{
    [Theory]
    [InlineData(393)]
    [InlineData(394)]
    [InlineData(395)]
    [InlineData(396)]
    [InlineData(397)]
    [InlineData(398)]
    [InlineData(399)]
    [InlineData(400)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls051
{
    [Theory]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(406)]
    [InlineData(407)]
    [InlineData(408)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls052
{
    [Theory]
    [InlineData(409)]
    [InlineData(410)]
    [InlineData(411)]
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(414)]
    [InlineData(415)]
    [InlineData(416)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls053
{
    [Theory]
    [InlineData(417)]
    [InlineData(418)]
    [InlineData(419)]
    [InlineData(420)]
    [InlineData(421)]
    [InlineData(422)]
    [InlineData(423)]
    [InlineData(424)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls054
{
    [Theory]
    [InlineData(425)]
    [InlineData(426)]
    [InlineData(427)]
    [InlineData(428)]
    [InlineData(429)]
    [InlineData(430)]
    [InlineData(431)]
    [InlineData(432)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls055
{
    [Theory]
    [InlineData(433)]
    [InlineData(434)]
    [InlineData(435)]
    [InlineData(436)]
    [InlineData(437)]
    [InlineData(438)]
    [InlineData(439)]
    [InlineData(440)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls056
{
    [Theory]
    [InlineData(441)]
    [InlineData(442)]
    [InlineData(443)]
    [InlineData(444)]
    [InlineData(445)]
    [InlineData(446)]
    [InlineData(447)]
    [InlineData(448)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls057
{
    [Theory]
    [InlineData(449)]
    [InlineData(450)]
    [InlineData(451)]
    [InlineData(452)]
    [InlineData(453)]
    [InlineData(454)]
    [InlineData(455)]
    [InlineData(456)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls058
{
    [Theory]
    [InlineData(457)]
    [InlineData(458)]
    [InlineData(459)]
    [InlineData(460)]
    [InlineData(461)]
    [InlineData(462)]
    [InlineData(463)]
    [InlineData(464)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls059
{
    [Theory]
    [InlineData(465)]
    [InlineData(466)]
    [InlineData(467)]
    [InlineData(468)]
    [InlineData(469)]
    [InlineData(470)]
    [InlineData(471)]
    [InlineData(472)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls060
{
    [Theory]
    [InlineData(473)]
    [InlineData(474)]
    [InlineData(475)]
    [InlineData(476)]
    [InlineData(477)]
    [InlineData(478)]
    [InlineData(479)]
    [InlineData(480)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls061
{
    [Theory]
    [InlineData(481)]
    [InlineData(482)]
    [InlineData(483)]
    [InlineData(484)]
    [InlineData(485)]
    [InlineData(486)]
    [InlineData(487)]
    [InlineData(488)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls062
{
    [Theory]
    [InlineData(489)]
    [InlineData(490)]
    [InlineData(491)]
    [InlineData(492)]
    [InlineData(493)]
    [InlineData(494)]
    [InlineData(495)]
    [InlineData(496)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls063
{
    [Theory]
    [InlineData(497)]
    [InlineData(498)]
    [InlineData(499)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls064
{
    [Theory]
    [InlineData(505)]
    [InlineData(506)]
    [InlineData(507)]
    [InlineData(508)]
    [InlineData(509)]
    [InlineData(510)]
    [InlineData(511)]
    [InlineData(512)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls065
{
    [Theory]
    [InlineData(513)]
    [InlineData(514)]
    [InlineData(515)]
    [InlineData(516)]
    [InlineData(517)]
    [InlineData(518)]
    [InlineData(519)]
    [InlineData(520)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls066
{
    [Theory]
    [InlineData(521)]
    [InlineData(522)]
    [InlineData(523)]
    [InlineData(524)]
    [InlineData(525)]
    [InlineData(526)]
    [InlineData(527)]
    [InlineData(528)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls067
{
    [Theory]
    [InlineData(529)]
    [InlineData(530)]
    [InlineData(531)]
    [InlineData(532)]
    [InlineData(533)]
    [InlineData(534)]
    [InlineData(535)]
    [InlineData(536)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls068
{
    [Theory]
    [InlineData(537)]
    [InlineData(538)]
    [InlineData(539)]
    [InlineData(540)]
    [InlineData(541)]
    [InlineData(542)]
    [InlineData(543)]
    [InlineData(544)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls069
{
    [Theory]
    [InlineData(545)]
    [InlineData(546)]
    [InlineData(547)]
    [InlineData(548)]
    [InlineData(549)]
    [InlineData(550)]
    [InlineData(551)]
    [InlineData(552)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls070
{
    [Theory]
    [InlineData(553)]
    [InlineData(554)]
    [InlineData(555)]
    [InlineData(556)]
    [InlineData(557)]
    [InlineData(558)]
    [InlineData(559)]
    [InlineData(560)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls071
{
    [Theory]
    [InlineData(561)]
    [InlineData(562)]
    [InlineData(563)]
    [InlineData(564)]
    [InlineData(565)]
    [InlineData(566)]
    [InlineData(567)]
    [InlineData(568)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls072
{
    [Theory]
    [InlineData(569)]
    [InlineData(570)]
    [InlineData(571)]
    [InlineData(572)]
    [InlineData(573)]
    [InlineData(574)]
    [InlineData(575)]
    [InlineData(576)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls073
{
    [Theory]
    [InlineData(577)]
    [InlineData(578)]
    [InlineData(579)]
    [InlineData(580)]
    [InlineData(581)]
    [InlineData(582)]
    [InlineData(583)]
    [InlineData(584)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls074
{
    [Theory]
    [InlineData(585)]
    [InlineData(586)]
    [InlineData(587)]
    [InlineData(588)]
    [InlineData(589)]
    [InlineData(590)]
    [InlineData(591)]
    [InlineData(592)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls075
{
    [Theory]
    [InlineData(593)]
    [InlineData(594)]
    [InlineData(595)]
    [InlineData(596)]
    [InlineData(597)]
    [InlineData(598)]
    [InlineData(599)]
    [InlineData(600)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls076
{
    [Theory]
    [InlineData(601)]
    [InlineData(602)]
    [InlineData(603)]
    [InlineData(604)]
    [InlineData(605)]
    [InlineData(606)]
    [InlineData(607)]
    [InlineData(608)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls077
{
    [Theory]
    [InlineData(609)]
    [InlineData(610)]
    [InlineData(611)]
    [InlineData(612)]
    [InlineData(613)]
    [InlineData(614)]
    [InlineData(615)]
    [InlineData(616)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls078
{
    [Theory]
    [InlineData(617)]
    [InlineData(618)]
    [InlineData(619)]
    [InlineData(620)]
    [InlineData(621)]
    [InlineData(622)]
    [InlineData(623)]
    [InlineData(624)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls079
{
    [Theory]
    [InlineData(625)]
    [InlineData(626)]
    [InlineData(627)]
    [InlineData(628)]
    [InlineData(629)]
    [InlineData(630)]
    [InlineData(631)]
    [InlineData(632)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls080
{
    [Theory]
    [InlineData(633)]
    [InlineData(634)]
    [InlineData(635)]
    [InlineData(636)]
    [InlineData(637)]
    [InlineData(638)]
    [InlineData(639)]
    [InlineData(640)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls081
{
    [Theory]
    [InlineData(641)]
    [InlineData(642)]
    [InlineData(643)]
    [InlineData(644)]
    [InlineData(645)]
    [InlineData(646)]
    [InlineData(647)]
    [InlineData(648)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls082
{
    [Theory]
    [InlineData(649)]
    [InlineData(650)]
    [InlineData(651)]
    [InlineData(652)]
    [InlineData(653)]
    [InlineData(654)]
    [InlineData(655)]
    [InlineData(656)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls083
{
    [Theory]
    [InlineData(657)]
    [InlineData(658)]
    [InlineData(659)]
    [InlineData(660)]
    [InlineData(661)]
    [InlineData(662)]
    [InlineData(663)]
    [InlineData(664)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls084
{
    [Theory]
    [InlineData(665)]
    [InlineData(666)]
    [InlineData(667)]
    [InlineData(668)]
    [InlineData(669)]
    [InlineData(670)]
    [InlineData(671)]
    [InlineData(672)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls085
{
    [Theory]
    [InlineData(673)]
    [InlineData(674)]
    [InlineData(675)]
    [InlineData(676)]
    [InlineData(677)]
    [InlineData(678)]
    [InlineData(679)]
    [InlineData(680)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls086
{
    [Theory]
    [InlineData(681)]
    [InlineData(682)]
    [InlineData(683)]
    [InlineData(684)]
    [InlineData(685)]
    [InlineData(686)]
    [InlineData(687)]
    [InlineData(688)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls087
{
    [Theory]
    [InlineData(689)]
    [InlineData(690)]
    [InlineData(691)]
    [InlineData(692)]
    [InlineData(693)]
    [InlineData(694)]
    [InlineData(695)]
    [InlineData(696)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls088
{
    [Theory]
    [InlineData(697)]
    [InlineData(698)]
    [InlineData(699)]
    [InlineData(700)]
    [InlineData(701)]
    [InlineData(702)]
    [InlineData(703)]
    [InlineData(704)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls089
{
    [Theory]
    [InlineData(705)]
    [InlineData(706)]
    [InlineData(707)]
    [InlineData(708)]
    [InlineData(709)]
    [InlineData(710)]
    [InlineData(711)]
    [InlineData(712)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls090
{
    [Theory]
    [InlineData(713)]
    [InlineData(714)]
    [InlineData(715)]
    [InlineData(716)]
    [InlineData(717)]
    [InlineData(718)]
    [InlineData(719)]
    [InlineData(720)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls091
{
    [Theory]
    [InlineData(721)]
    [InlineData(722)]
    [InlineData(723)]
    [InlineData(724)]
    [InlineData(725)]
    [InlineData(726)]
    [InlineData(727)]
    [InlineData(728)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls092
{
    [Theory]
    [InlineData(729)]
    [InlineData(730)]
    [InlineData(731)]
    [InlineData(732)]
    [InlineData(733)]
    [InlineData(734)]
    [InlineData(735)]
    [InlineData(736)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls093
{
    [Theory]
    [InlineData(737)]
    [InlineData(738)]
    [InlineData(739)]
    [InlineData(740)]
    [InlineData(741)]
    [InlineData(742)]
    [InlineData(743)]
    [InlineData(744)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls094
{
    [Theory]
    [InlineData(745)]
    [InlineData(746)]
    [InlineData(747)]
    [InlineData(748)]
    [InlineData(749)]
    [InlineData(750)]
    [InlineData(751)]
    [InlineData(752)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls095
{
    [Theory]
    [InlineData(753)]
    [InlineData(754)]
    [InlineData(755)]
    [InlineData(756)]
    [InlineData(757)]
    [InlineData(758)]
    [InlineData(759)]
    [InlineData(760)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls096
{
    [Theory]
    [InlineData(761)]
    [InlineData(762)]
    [InlineData(763)]
    [InlineData(764)]
    [InlineData(765)]
    [InlineData(766)]
    [InlineData(767)]
    [InlineData(768)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls097
{
    [Theory]
    [InlineData(769)]
    [InlineData(770)]
    [InlineData(771)]
    [InlineData(772)]
    [InlineData(773)]
    [InlineData(774)]
    [InlineData(775)]
    [InlineData(776)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls098
{
    [Theory]
    [InlineData(777)]
    [InlineData(778)]
    [InlineData(779)]
    [InlineData(780)]
    [InlineData(781)]
    [InlineData(782)]
    [InlineData(783)]
    [InlineData(784)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls099
{
    [Theory]
    [InlineData(785)]
    [InlineData(786)]
    [InlineData(787)]
    [InlineData(788)]
    [InlineData(789)]
    [InlineData(790)]
    [InlineData(791)]
    [InlineData(792)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls100
{
    [Theory]
    [InlineData(793)]
    [InlineData(794)]
    [InlineData(795)]
    [InlineData(796)]
    [InlineData(797)]
    [InlineData(798)]
    [InlineData(799)]
    [InlineData(800)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls101
{
    [Theory]
    [InlineData(801)]
    [InlineData(802)]
    [InlineData(803)]
    [InlineData(804)]
    [InlineData(805)]
    [InlineData(806)]
    [InlineData(807)]
    [InlineData(808)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls102
{
    [Theory]
    [InlineData(809)]
    [InlineData(810)]
    [InlineData(811)]
    [InlineData(812)]
    [InlineData(813)]
    [InlineData(814)]
    [InlineData(815)]
    [InlineData(816)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls103
{
    [Theory]
    [InlineData(817)]
    [InlineData(818)]
    [InlineData(819)]
    [InlineData(820)]
    [InlineData(821)]
    [InlineData(822)]
    [InlineData(823)]
    [InlineData(824)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls104
{
    [Theory]
    [InlineData(825)]
    [InlineData(826)]
    [InlineData(827)]
    [InlineData(828)]
    [InlineData(829)]
    [InlineData(830)]
    [InlineData(831)]
    [InlineData(832)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls105
{
    [Theory]
    [InlineData(833)]
    [InlineData(834)]
    [InlineData(835)]
    [InlineData(836)]
    [InlineData(837)]
    [InlineData(838)]
    [InlineData(839)]
    [InlineData(840)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls106
{
    [Theory]
    [InlineData(841)]
    [InlineData(842)]
    [InlineData(843)]
    [InlineData(844)]
    [InlineData(845)]
    [InlineData(846)]
    [InlineData(847)]
    [InlineData(848)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls107
{
    [Theory]
    [InlineData(849)]
    [InlineData(850)]
    [InlineData(851)]
    [InlineData(852)]
    [InlineData(853)]
    [InlineData(854)]
    [InlineData(855)]
    [InlineData(856)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls108
{
    [Theory]
    [InlineData(857)]
    [InlineData(858)]
    [InlineData(859)]
    [InlineData(860)]
    [InlineData(861)]
    [InlineData(862)]
    [InlineData(863)]
    [InlineData(864)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls109
{
    [Theory]
    [InlineData(865)]
    [InlineData(866)]
    [InlineData(867)]
    [InlineData(868)]
    [InlineData(869)]
    [InlineData(870)]
    [InlineData(871)]
    [InlineData(872)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls110
{
    [Theory]
    [InlineData(873)]
    [InlineData(874)]
    [InlineData(875)]
    [InlineData(876)]
    [InlineData(877)]
    [InlineData(878)]
    [InlineData(879)]
    [InlineData(880)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls111
{
    [Theory]
    [InlineData(881)]
    [InlineData(882)]
    [InlineData(883)]
    [InlineData(884)]
    [InlineData(885)]
    [InlineData(886)]
    [InlineData(887)]
    [InlineData(888)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls112
{
    [Theory]
    [InlineData(889)]
    [InlineData(890)]
    [InlineData(891)]
    [InlineData(892)]
    [InlineData(893)]
    [InlineData(894)]
    [InlineData(895)]
    [InlineData(896)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls113
{
    [Theory]
    [InlineData(897)]
    [InlineData(898)]
    [InlineData(899)]
    [InlineData(900)]
    [InlineData(901)]
    [InlineData(902)]
    [InlineData(903)]
    [InlineData(904)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls114
{
    [Theory]
    [InlineData(905)]
    [InlineData(906)]
    [InlineData(907)]
    [InlineData(908)]
    [InlineData(909)]
    [InlineData(910)]
    [InlineData(911)]
    [InlineData(912)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls115
{
    [Theory]
    [InlineData(913)]
    [InlineData(914)]
    [InlineData(915)]
    [InlineData(916)]
    [InlineData(917)]
    [InlineData(918)]
    [InlineData(919)]
    [InlineData(920)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls116
{
    [Theory]
    [InlineData(921)]
    [InlineData(922)]
    [InlineData(923)]
    [InlineData(924)]
    [InlineData(925)]
    [InlineData(926)]
    [InlineData(927)]
    [InlineData(928)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls117
{
    [Theory]
    [InlineData(929)]
    [InlineData(930)]
    [InlineData(931)]
    [InlineData(932)]
    [InlineData(933)]
    [InlineData(934)]
    [InlineData(935)]
    [InlineData(936)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls118
{
    [Theory]
    [InlineData(937)]
    [InlineData(938)]
    [InlineData(939)]
    [InlineData(940)]
    [InlineData(941)]
    [InlineData(942)]
    [InlineData(943)]
    [InlineData(944)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls119
{
    [Theory]
    [InlineData(945)]
    [InlineData(946)]
    [InlineData(947)]
    [InlineData(948)]
    [InlineData(949)]
    [InlineData(950)]
    [InlineData(951)]
    [InlineData(952)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls120
{
    [Theory]
    [InlineData(953)]
    [InlineData(954)]
    [InlineData(955)]
    [InlineData(956)]
    [InlineData(957)]
    [InlineData(958)]
    [InlineData(959)]
    [InlineData(960)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls121
{
    [Theory]
    [InlineData(961)]
    [InlineData(962)]
    [InlineData(963)]
    [InlineData(964)]
    [InlineData(965)]
    [InlineData(966)]
    [InlineData(967)]
    [InlineData(968)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls122
{
    [Theory]
    [InlineData(969)]
    [InlineData(970)]
    [InlineData(971)]
    [InlineData(972)]
    [InlineData(973)]
    [InlineData(974)]
    [InlineData(975)]
    [InlineData(976)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls123
{
    [Theory]
    [InlineData(977)]
    [InlineData(978)]
    [InlineData(979)]
    [InlineData(980)]
    [InlineData(981)]
    [InlineData(982)]
    [InlineData(983)]
    [InlineData(984)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls124
{
    [Theory]
    [InlineData(985)]
    [InlineData(986)]
    [InlineData(987)]
    [InlineData(988)]
    [InlineData(989)]
    [InlineData(990)]
    [InlineData(991)]
    [InlineData(992)]
    public Task Call(int n) => Http.Ask(n);
}

public class Calls125
{
    [Theory]
    [InlineData(993)]
    [InlineData(994)]
    [InlineData(995)]
    [InlineData(996)]
    [InlineData(997)]
    [InlineData(998)]
    [InlineData(999)]
    [InlineData(1000)]
    public Task Call(int n) => Http.Ask(n);
}
