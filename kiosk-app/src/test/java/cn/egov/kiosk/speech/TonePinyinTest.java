package cn.egov.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese to the tone pinyin espeak-ng is given: the kiosk's own prompts over the bundled
 * dictionary and override table, polyphones among them, numbers as a citizen hears them.
 */
class TonePinyinTest {
    private static final TonePinyin BUNDLED = TonePinyin.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            请将身份证放在感应区 | qing3 jiang1 shen1 fen4 zheng4 fang4 zai4 gan3 ying4 qu1
            请到3号窗口办理 | qing3 dao4 san1 hao4 chuang1 kou3 ban4 li3
            您的号码是A012，前面还有5人 | nin2 de5 hao4 ma3 shi4 A ling2 yi1 er4, qian2 mian4 hai2 you3 wu3 ren2
            办理时限：5个工作日 | ban4 li3 shi2 xian4, wu3 ge4 gong1 zuo4 ri4
            银行卡还款请到银行窗口办理 | yin2 hang2 ka3 huan2 kuan3 qing3 dao4 yin2 hang2 chuang1 kou3 ban4 li3
            行走不便的市民请走绿色通道 | xing2 zou3 bu4 bian4 de5 shi4 min2 qing3 zou3 lv4 se4 tong1 dao4
            请在2分钟内完成操作 | qing3 zai4 liang3 fen1 zhong1 nei4 wan2 cheng2 cao1 zuo4
            为您服务是我们的职责 | wei4 nin2 fu2 wu4 shi4 wo3 men5 de5 zhi2 ze2
            办事处地址已更新 | ban4 shi4 chu4 di4 zhi3 yi3 geng1 xin1
            处理结果将以短信通知 | chu3 li3 jie2 guo3 jiang1 yi3 duan3 xin4 tong1 zhi1
            请核对您的信息，确认无误后点击“提交” | qing3 he2 dui4 nin2 de5 xin4 xi1, que4 ren4 wu2 wu4 hou4 dian3 ji1 ti2 jiao1
            正在打印，请稍候…… | zheng4 zai4 da3 yin4, qing3 shao1 hou4.
            打印失败，请联系工作人员。 | da3 yin4 shi1 bai4, qing3 lian2 xi4 gong1 zuo4 ren2 yuan2.
            营业执照变更登记 | ying2 ye4 zhi2 zhao4 bian4 geng1 deng1 ji4
            不动产登记资料查询 | bu4 dong4 chan3 deng1 ji4 zi1 liao4 cha2 xun2
            请取走您的凭条 | qing3 qu3 zou3 nin2 de5 ping2 tiao2
            办理时间：9:00-17:30 | ban4 li3 shi2 jian1, jiu3 dian3 dao4 shi2 qi1 dian3 san1 shi2 fen1
            服务电话：12345 | fu2 wu4 dian4 hua4, yi1 er4 san1 si4 wu3
            咨询电话0571-88886666 | zi1 xun2 dian4 hua4 ling2 wu3 qi1 yi1, ba1 ba1 ba1 ba1 liu4 liu4 liu4 liu4
            缴费金额：128.50元 | jiao3 fei4 jin1 e2, yi1 bai3 er4 shi2 ba1 dian3 wu3 ling2 yuan2
            满意度达到98% | man3 yi4 du4 da2 dao4 bai3 fen1 zhi1 jiu3 shi2 ba1
            请您重新扫描二维码 | qing3 nin2 chong2 xin1 sao3 miao2 er4 wei2 ma3
            不要忘记取回身份证 | bu4 yao4 wang4 ji4 qu3 hui2 shen1 fen4 zheng4
            一次办好，只跑一次 | yi1 ci4 ban4 hao3, zhi3 pao3 yi1 ci4
            请出示ID卡或社会保障卡 | qing3 chu1 shi4 I D ka3 huo4 she4 hui4 bao3 zhang4 ka3
            您的申请已受理，请于3-5个工作日内查询结果 | nin2 de5 shen1 qing3 yi3 shou4 li3, qing3 yu2 san1 dao4 wu3 ge4 gong1 zuo4 ri4 nei4 cha2 xun2 jie2 guo3
            了解更多，请扫码 | liao3 jie3 geng4 duo1, qing3 sao3 ma3
            还有2个人在等候 | hai2 you3 liang3 ge4 ren2 zai4 deng3 hou4
            第10位，请到第1号窗口 | di4 shi2 wei4, qing3 dao4 di4 yi1 hao4 chuang1 kou3
            今天是2026年11月28日 | jin1 tian1 shi4 er4 ling2 er4 liu4 nian2 shi2 yi1 yue4 er4 shi2 ba1 ri4
            日期2026-11-28 | ri4 qi1 er4 ling2 er4 liu4 nian2 shi2 yi1 yue4 er4 shi2 ba1 ri4
            我认为这个行为不妥 | wo3 ren4 wei2 zhe4 ge4 xing2 wei2 bu4 tuo3
            长时间无操作将返回首页 | chang2 shi2 jian1 wu2 cao1 zuo4 jiang1 fan3 hui2 shou3 ye4
            重要提示：请妥善保管回执 | zhong4 yao4 ti2 shi4, qing3 tuo3 shan4 bao3 guan3 hui2 zhi2
            １２３号，请到Ｂ区 | yi1 bai3 er4 shi2 san1 hao4, qing3 dao4 B qu1
            您的预约时间为明天上午10:30 | nin2 de5 yu4 yue1 shi2 jian1 wei4 ming2 tian1 shang4 wu3 shi2 dian3 san1 shi2 fen1
            受理编号2024112800123 | shou4 li3 bian1 hao4 er4 ling2 er4 si4 yi1 yi1 er4 ba1 ling2 ling2 yi1 er4 san1
            因为下雨，处分决定推迟 | yin1 wei4 xia4 yu3, chu3 fen4 jue2 ding4 tui1 chi2
            """)
    void kioskPrompts(String text, String pinyin) {
        assertThat(BUNDLED.convert(text)).isEqualTo(pinyin);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0, ling2",
        "7, qi1",
        "10, shi2",
        "15, shi2 wu3",
        "20, er4 shi2",
        "101, yi1 bai3 ling2 yi1",
        "110, yi1 bai3 yi1 shi2",
        "1001, yi1 qian1 ling2 yi1",
        "1010, yi1 qian1 ling2 yi1 shi2",
        "2000, liang3 qian1",
        "10010, yi1 wan4 ling2 yi1 shi2",
        "20000, liang3 wan4",
        "123456, shi2 er4 wan4 san1 qian1 si4 bai3 wu3 shi2 liu4"
    })
    void numbersAsTheyAreSaid(int n, String pinyin) {
        TonePinyin.Out out = new TonePinyin.Out();
        TonePinyin.cardinal(n, out);
        assertThat(out.toString()).isEqualTo(pinyin);
    }

    @Test
    void unknownCharactersSymbolsAndEmojiAreLeftOutNotFatal() {
        assertThat(BUNDLED.convert("😀请按￥键🙂")).isEqualTo("qing3 an4 jian4");
        assertThat(BUNDLED.convert("\u0000\u202e好\ufffd")).isEqualTo("hao3");
        assertThat(BUNDLED.convert("")).isEmpty();
        assertThat(BUNDLED.convert("，，。！")).as("pauses with nothing said").isEmpty();
        assertThat(BUNDLED.convert("𠀀好"))
                .as("a character outside the BMP pinyin4j does not know")
                .isEqualTo("hao3");
    }

    @Test
    void fullWidthAndHalfWidthPunctuationAreTheSamePauses() {
        assertThat(BUNDLED.convert("请稍候，正在打印。"))
                .isEqualTo(BUNDLED.convert("请稍候,正在打印."))
                .isEqualTo("qing3 shao1 hou4, zheng4 zai4 da3 yin4.");
        assertThat(BUNDLED.convert("好！好？好；好、好")).isEqualTo("hao3. hao3. hao3, hao3, hao3");
    }

    @Test
    void latinLettersAreSpelledOneByOne() {
        assertThat(BUNDLED.convert("Hello, world!")).isEqualTo("H E L L O, W O R L D.");
        assertThat(BUNDLED.convert("B012号")).isEqualTo("B ling2 yi1 er4 hao4");
    }

    @Test
    void aSmallDictionaryAndTableGiveTheirReadings() throws Exception {
        // pure logic: a dictionary of three lines, the table says 行 in 行长 is hang2
        TonePinyin tp = TonePinyin.read(
                new StringReader("yin hang\t银行\t100\nxing\t行\t50\nhang\t行\t10\nzhang\t长\t5\n"),
                "# comment\n行长\thang2 zhang3\n");
        assertThat(tp.convert("银行")).isEqualTo("yin2 hang2");
        assertThat(tp.convert("行")).isEqualTo("xing2");
        assertThat(tp.convert("行长")).isEqualTo("hang2 zhang3");
        assertThat(tp.convert("银行行长")).isEqualTo("yin2 hang2 hang2 zhang3");
        assertThat(tp.version()).startsWith("tone-pinyin-").isNotEqualTo(BUNDLED.version());
    }

    @Test
    void aBadOverrideLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> TonePinyin.read(new StringReader(""), "# c\n处理\tchu3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> TonePinyin.read(new StringReader(""), "处理\tchu li\n"))
                .hasMessageContaining("line 1");
    }

    @Test
    void theBundledVersionIsTheLoadedTablesWithoutLoadingTheDictionary() {
        assertThat(TonePinyin.bundledVersion()).isEqualTo(BUNDLED.version());
    }
}
