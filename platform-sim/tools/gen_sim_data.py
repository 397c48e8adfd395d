#!/usr/bin/env python3
"""Writes the platform simulator's sample data set (everything fictitious) as JSON.

    python3 platform-sim/tools/gen_sim_data.py            # writes the files
    python3 platform-sim/tools/gen_sim_data.py --check    # only builds and checks, writes nothing

Output: platform-sim/src/main/resources/cn/egov/kiosk/platform/sim/data/*.json (README.md there is
hand-written). The output is deterministic: no clock, one fixed random seed, no iteration over
sets. Every unified social credit code is built and verified here (GB 32100-2015, with the
embedded organisation code's GB 11714 check character) and the run fails on any error.
"""
import datetime
import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "src/main/resources/cn/egov/kiosk/platform/sim/data"
TZ = "+08:00"
TODAY = datetime.date(2026, 11, 28)  # the data set's "today" (a Saturday)

# ---------------------------------------------------------------------------------------------
# Unified social credit code (统一社会信用代码), GB 32100-2015
# ---------------------------------------------------------------------------------------------
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]  # GB 11714-1997


def uscc_check(first17):
    total = 0
    for ch, w in zip(first17, USCC_WEIGHTS):
        v = USCC_ALPHABET.find(ch)
        if v < 0:
            raise ValueError(f"{ch!r} is not a credit code character")
        total += v * w
    c = 31 - total % 31
    return USCC_ALPHABET[0 if c == 31 else c]


def org_value(ch):
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    raise ValueError(f"{ch!r} is not an organisation code character")


def org_check(first8):
    c = 11 - sum(org_value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_problems(code):
    """Why `code` is not a valid unified social credit code ([] when it is)."""
    problems = []
    if len(code) != 18:
        return [f"{len(code)} characters, not 18"]
    bad = [f"{ch!r} at {i + 1}" for i, ch in enumerate(code) if ch not in USCC_ALPHABET]
    if bad:
        problems.append("characters outside 0-9A-HJ-NPQRTUWXY: " + ", ".join(bad))
    if code[0] not in "123456789ABCDEFGNY":
        problems.append(f"registration authority code {code[0]!r} is unknown")
    if not code[2:8].isdigit():
        problems.append("the division code (characters 3-8) is not 6 digits")
    try:
        want = org_check(code[8:16])
        if code[16] != want:
            problems.append(f"organisation code check character is {code[16]!r}, GB 11714 gives {want!r}")
    except ValueError as e:
        problems.append(f"organisation code: {e}")
    if not bad:
        want = uscc_check(code[:17])
        if code[17] != want:
            problems.append(f"final check character is {code[17]!r}, GB 32100 gives {want!r}")
    return problems


def make_uscc(authority_and_type, division, org8):
    first16 = authority_and_type + division + org8 + org_check(org8)
    assert len(first16) == 17, first16
    code = first16 + uscc_check(first16)
    assert not uscc_problems(code), (code, uscc_problems(code))
    return code


# ---------------------------------------------------------------------------------------------
# Materials (申请材料): code -> (name, required, copies, note)
# ---------------------------------------------------------------------------------------------
MATERIALS = {
    "sfz": ("居民身份证原件", True, 1, ""),
    "sfzfm": ("父母双方居民身份证原件", True, 1, ""),
    "yxzj": ("申请人有效身份证件", True, 1, "港澳台居民可用居住证或往来内地（大陆）通行证，外国人可用护照或永久居留身份证"),
    "hkb": ("居民户口簿", True, 1, ""),
    "hkbfm": ("父母双方居民户口簿", True, 1, ""),
    "zp": ("近期免冠彩色证件照片", True, 1, "可在现场免费采集"),
    "zp2": ("近期二寸免冠彩色照片", True, 2, "白底"),
    "hz3": ("近期二寸半身免冠双人合影照片", True, 3, "红底，可在婚姻登记处现场拍摄"),
    "csyxzm": ("出生医学证明", True, 1, ""),
    "jhz": ("结婚证", True, 1, ""),
    "lhz": ("离婚证或人民法院离婚判决书、调解书", True, 1, ""),
    "hysm": ("无配偶及与对方无直系血亲和三代以内旁系血亲关系的签字声明", True, 1, "在婚姻登记员面前签署"),
    "lhxy": ("离婚协议书", True, 3, "载明子女抚养、财产及债务处理等事项，双方签名"),
    "hyzk": ("婚姻状况证明", True, 1, "已婚提供结婚证，离异提供离婚证，未婚提交书面声明"),
    "hyxy": ("夫妻双方关于不动产共有的书面约定", True, 1, ""),
    "swzm": ("居民死亡医学证明（推断）书", True, 1, ""),
    "qszm": ("亲属关系证明材料", True, 1, "户口簿、出生医学证明等能证明亲属关系的材料"),
    "jcgz": ("继承权公证书或生效法律文书", True, 1, "也可由全体继承人到场签署继承协议"),
    "zqz": ("准予迁入证明或落户批准文件", True, 1, ""),
    "hzdj": ("出国（境）定居证明", True, 1, "护照及前往国家（地区）的定居证明"),
    "rwtzs": ("入伍通知书", True, 1, ""),
    "byz": ("毕业证书", True, 1, ""),
    "bdzm": ("就业报到证明或就业协议书", True, 1, ""),
    "xszm": ("学生证或在校证明", True, 1, ""),
    "xjzm": ("学籍信息卡", True, 1, "由原就读学校出具"),
    "jzzm": ("合法稳定住所证明", True, 1, "房屋产权证明或已备案的租赁合同"),
    "jzz": ("居住证", True, 1, ""),
    "syz": ("收养登记证", True, 1, ""),
    "syxy": ("收养协议", True, 1, ""),
    "slhz": ("受理回执", True, 1, "也可刷身份证查询"),
    "sqb": ("申请表", True, 1, "可在现场领取，也可在网上下载填写"),
    "cns": ("告知承诺书", True, 1, "现场或在线签署"),
    "zmcl": ("相关证明材料", True, 1, "依具体情形提供，窗口可一次性告知"),
    "zjcl": ("证据材料", False, 1, "有则提供"),
    "srzm": ("家庭收入及财产状况声明", True, 1, "同时签署经济状况核对授权书"),
    "dbzm": ("低保、特困或低收入家庭证明", True, 1, "已联网核验的无需提供"),
    "jykn": ("就业困难人员认定证明", True, 1, "已联网核验的无需提供"),
    "pgbg": ("评估报告", True, 1, "由指定评估机构出具"),
    "yhk": ("本人银行账户信息", True, 1, "社会保障卡金融账户可直接使用"),
    "sbk": ("社会保障卡", True, 1, ""),
    "cbpz": ("参保缴费凭证", False, 1, "转出地已上传的无需提供"),
    "jfpz": ("缴费凭证", True, 1, ""),
    "dazl": ("人事档案或工作经历证明", True, 1, "存档机构出具"),
    "dcdh": ("调档函", True, 1, "接收单位出具"),
    "ldht": ("劳动合同", True, 1, ""),
    "sgbg": ("事故经过说明", True, 1, ""),
    "gsrd": ("工伤认定决定书", True, 1, ""),
    "zcsqs": ("仲裁申请书", True, 3, "按被申请人人数另递交副本"),
    "tsnr": ("投诉书", True, 1, "写明被投诉单位、事实和请求"),
    "zdfa": ("工作制度或实施方案", True, 1, ""),
    "ghyj": ("工会或职工代表意见", True, 1, ""),
    "jtht": ("集体合同文本", True, 3, ""),
    "ylpj": ("医疗费用原始票据", True, 1, "电子票据无需提供纸质件"),
    "fymx": ("费用明细清单", True, 1, ""),
    "zdzm": ("诊断证明书", True, 1, ""),
    "bl": ("病历资料", True, 1, "门诊病历或出院小结"),
    "zzzm": ("转诊证明", True, 1, "由定点医疗机构出具"),
    "jzjl": ("预防接种记录", False, 1, "原接种单位可查询的无需提供"),
    "xxz": ("无偿献血证", True, 1, ""),
    "tjbg": ("健康体检证明", True, 1, "指定医疗机构出具"),
    "jsz": ("机动车驾驶证", True, 1, ""),
    "tjzm": ("机动车驾驶人身体条件证明", True, 1, "指定医疗机构出具，已联网上传的无需提交"),
    "xsz": ("机动车行驶证", True, 1, ""),
    "xszdj": ("机动车登记证书", True, 1, ""),
    "hz": ("护照", True, 1, ""),
    "gaz": ("往来港澳通行证", True, 1, ""),
    "twz": ("往来台湾通行证", True, 1, ""),
    "jwjsz": ("境外机动车驾驶证及其中文翻译文本", True, 1, "翻译文本须由翻译机构盖章"),
    "jlzj": ("外国人永久居留身份证或居留许可", True, 1, ""),
    "myzm": ("犬只狂犬病免疫证明", True, 1, ""),
    "cjz": ("残疾人证", True, 1, ""),
    "cjpd": ("残疾评定表", True, 1, "由指定医疗机构评定后出具"),
    "cjjrz": ("残疾军人证", True, 1, ""),
    "tyz": ("退出现役证或退伍证", True, 1, ""),
    "yfz": ("优抚对象证件", True, 1, ""),
    "sfzm": ("释放证明书", True, 1, ""),
    "wcly": ("外出事由证明材料", True, 1, ""),
    "jjzk": ("经济困难状况说明表", True, 1, "申请人签署承诺，无需另行开具证明"),
    "fysqs": ("行政复议申请书", True, 1, "也可口头申请，由工作人员记录"),
    "gzs": ("公证书", True, 1, ""),
    "hhzm": ("火化证明", True, 1, ""),
    "yyzz": ("营业执照副本", True, 1, "已领取电子营业执照的可出示电子执照"),
    "jbr": ("经办人身份证件", True, 1, "非法定代表人（负责人）本人办理的，另附授权委托书"),
    "fddb": ("法定代表人（负责人）身份证件", True, 1, ""),
    "djsqs": ("登记（备案）申请书", True, 1, "可在企业开办“一网通办”平台在线填写"),
    "zc": ("章程", True, 1, "全体股东（发起人、成员）签署"),
    "gdzm": ("股东（发起人）主体资格证明", True, 1, "自然人股东提供身份证件"),
    "tzr": ("投资人身份证件", True, 1, ""),
    "hhxy": ("合伙协议", True, 1, "全体合伙人签署"),
    "cyqd": ("成员名册及出资清单", True, 1, ""),
    "cs": ("经营场所使用证明", True, 1, "自有房屋提供产权证明，租赁房屋提供租赁合同"),
    "jyzm": ("股东会决议或决定", True, 1, ""),
    "qsbg": ("清算报告或债务清偿承诺书", True, 1, ""),
    "ysgg": ("遗失声明", True, 1, "可在国家企业信用信息公示系统免费公示"),
    "zqht": ("质权合同", True, 1, ""),
    "djzs": ("登记证书正副本", True, 1, ""),
    "zjzm": ("资金（资产）证明", True, 1, "验资报告或银行出具的资金证明"),
    "mmfa": ("命名方案及说明", True, 1, ""),
    "pmt": ("经营场所平面布局图", True, 1, "标明功能分区和主要设施设备"),
    "aqzd": ("安全管理制度", True, 1, ""),
    "xfaq": ("消防安全承诺或检查合格证明", True, 1, ""),
    "zlgl": ("质量管理制度及人员资质", True, 1, ""),
    "xkz": ("原许可证正副本", True, 1, ""),
    "sbzl": ("设备清单及检验检测报告", True, 1, ""),
    "zyzs": ("执业（职业）资格证书", True, 1, ""),
    "zyxk": ("执业许可证或经营许可证", True, 1, ""),
    "fspj": ("放射防护评价报告", True, 1, ""),
    "jcbg": ("水质检验报告", True, 1, ""),
    "htxy": ("合同或协议", True, 1, "证明业务真实发生的材料"),
    "gffp": ("购房发票", True, 1, ""),
    "gfht": ("房屋买卖合同", True, 1, "网签备案合同"),
    "fwzl": ("房屋租赁合同", True, 1, ""),
    "bdcz": ("不动产权证书", True, 1, ""),
    "wszm": ("完税（减免税）凭证", True, 1, "税务部门已推送的无需提供"),
    "zyht": ("赠与合同", True, 1, ""),
    "zrht": ("转让合同", True, 1, ""),
    "dyht": ("抵押合同及主债权合同", True, 1, ""),
    "zxzm": ("抵押权人同意注销的证明", True, 1, "银行已线上申报的无需提供"),
    "jzqht": ("居住权合同", True, 1, ""),
    "dyqht": ("地役权合同", True, 1, ""),
    "chbg": ("不动产测绘报告", True, 1, ""),
    "dkht": ("借款合同", True, 1, ""),
    "jspz": ("缴款凭证", True, 1, ""),
    "ccfp": ("机动车销售统一发票", True, 1, ""),
    "hgz": ("车辆合格证明或进口证明", True, 1, ""),
    "gjfp": ("购置发票", True, 1, ""),
    "ghxk": ("建设工程规划许可证", True, 1, ""),
    "sgxk": ("建筑工程施工许可证", True, 1, ""),
    "ysfa": ("预售方案", True, 1, ""),
    "ysbg": ("竣工验收报告", True, 1, ""),
    "yzdh": ("业主大会决议", True, 1, ""),
    "wxfa": ("维修方案及预算", True, 1, ""),
    "sjwj": ("设计方案图纸", True, 1, ""),
    "ydwj": ("用地批准文件或土地权属证明", True, 1, ""),
    "gcxm": ("项目批准、核准或备案文件", True, 1, ""),
    "hpwj": ("环境影响评价文件", True, 1, ""),
    "glfa": ("管理计划", True, 1, ""),
    "yjya": ("应急预案及评审意见", True, 1, ""),
    "aqpj": ("安全评价报告", True, 1, ""),
    "clzl": ("车辆及驾驶人员情况", True, 1, ""),
    "wfzm": ("无犯罪记录证明", False, 1, "可由部门间核查，无需提供"),
    "sgfa": ("施工方案", True, 1, ""),
    "yslx": ("运输路线方案", True, 1, ""),
    "xgt": ("设置效果图", True, 1, ""),
    "ysht": ("运输或处置合同", True, 1, ""),
    "ldfa": ("绿化或迁移方案", True, 1, ""),
    "ycfa": ("演出节目内容及演员名单", True, 1, ""),
    "zbj": ("质量保证金存缴证明", True, 1, ""),
    "fyzd": ("动物防疫制度", True, 1, ""),
    "lzht": ("流转合同", True, 1, ""),
    "tzzy": ("特种作业操作证", True, 1, ""),
    "szlg": ("水资源论证报告", True, 1, ""),
    "psxk": ("排水户内部管网图及水质检测报告", True, 1, ""),
    "stbc": ("水土保持方案报告", True, 1, ""),
    "yssj": ("用水计划及用水设施情况", True, 1, ""),
    "sycl": ("使用目的及范围说明", True, 1, ""),
    "txht": ("特许经营合同样本", True, 1, ""),
}
WTS = ("授权委托书及受托人身份证件", False, 1, "委托他人办理时提供")
# Materials the platform holds as electronic licences (电子证照), so the citizen need not bring them
# (免提交): the ID card (read at the kiosk or the window), and the licences and certificates the
# district's departments issue or the national systems share.
ELECTRONIC = {"sfz", "hkb", "csyxzm", "jhz", "byz", "jzz", "sbk", "cjz", "jsz", "xsz", "yyzz", "xkz", "bdcz",
              "djzs", "tyz", "syz", "lhz"}
# Categories whose items the citizen must do in person: no proxy material added.
IN_PERSON = {"居民身份证", "出入境", "婚姻登记", "收养登记"}


# ---------------------------------------------------------------------------------------------
# The items, department by department (the format is described at the top of the text)
# ---------------------------------------------------------------------------------------------
ITEMS = r"""
## 演示区政务服务事项清单 (sample data of the platform simulator; everything fictitious)
## Parsed by parse_catalogue() below. Blank lines and lines starting with "##" are ignored.
##
##   @ID | department name | short name | phone
##   # category | audience | business type | default materials | legal/promised days
##   item name | life events (comma separated, "-" none) | flags | materials
##
## Flags (space separated, any order): P E B audience (PERSONAL, ENTERPRISE, BOTH); k kiosk capable;
## 0 1 M trips (ZERO, ONCE, MULTIPLE; default ZERO when k, else ONCE); a / n appointable yes / no
## (default: yes unless trips are ZERO or the item is kiosk capable); d30/5 legal/promised days;
## $2000:工本费20元 fee in fen with its note; @C business type.
## Materials: material codes of gen_sim_data.py (MATERIALS); empty: the category's default;
## "+ code ..." the category's default and these.

@GA | 演示区公安分局 | 公安 | 010-64015110
# 户籍办理 | P | A | sfz hkb | 20/10
出生登记（新生儿落户） | 出生 | d20/5 | csyxzm hkbfm sfzfm jhz
收养子女落户 | 出生 | | syz hkb sfz
户口迁入（投靠配偶） | 结婚,迁居 | M d30/20 | + jhz jzzm
户口迁入（投靠父母） | 迁居 | M d30/20 | + qszm jzzm
户口迁入（购房落户） | 购房,迁居 | M d30/20 | + bdcz
户口迁入（人才引进） | 就业,迁居 | M d30/20 | + zqz
高校毕业生落户 | 上学,就业 | d20/10 | sfz byz bdzm zqz
户口迁出（市内迁移） | 迁居 | d10/3 |
户口迁出（跨省迁移“跨省通办”） | 迁居 | d10/5 | + zqz
姓名变更登记 | - | d20/10 | + sqb zmcl
出生日期更正 | - | M d30/20 | + csyxzm zmcl
民族成份变更 | - | d30/20 | + qszm sqb
死亡人员户口注销 | 身后事 | d3/1 | swzm hkb sfz
出国（境）定居户口注销 | - | d10/3 | hkb hzdj
入伍人员户口注销 | 就业 | d3/1 | hkb rwtzs
户口恢复登记 | - | M d30/20 | + zmcl
立户分户登记 | 结婚,购房 | d20/10 | + bdcz
居民户口簿补领换领 | - | d5/1 | sfz sqb
户籍证明开具 | - | k d3/1 | sfz
无犯罪记录证明开具 | 就业 | k d3/1 | sfz
居住登记（居住证申领） | 迁居,就业,上学 | d15/10 | yxzj zp jzzm
居住证签注 | - | k d1/1 | jzz
居住证补领换领 | - | d15/10 | yxzj zp

# 居民身份证 | P | A | sfz hkb zp | 60/15
居民身份证首次申领 | 出生,上学 | $2000:工本费20元 | hkb zp
居民身份证到期换领 | - | $2000:工本费20元 | sfz hkb zp
居民身份证丢失补领 | - | $4000:工本费40元 | hkb zp
居民身份证损坏换领 | - | $4000:工本费40元 |
居民身份证异地受理（跨省通办） | 迁居 | d60/20 $2000:工本费20元，丢失补领40元 |
临时居民身份证申领 | - | d3/1 $1000:工本费10元 | hkb zp
居民身份证办理进度查询 | - | k d1/1 | slhz
居民身份证自助领取 | - | k 1 n d1/1 | slhz

# 出入境 | P | G | sfz zp | 7/7
普通护照首次申领 | - | $12000:证件工本费120元 |
普通护照换发补发 | - | $12000:证件工本费120元 | + hz
往来港澳通行证申领 | - | $6000:电子证件工本费60元 |
往来港澳通行证自助签注 | - | k 1 n d1/1 $1500:每次签注15元 | sfz gaz
往来台湾通行证申领 | - | $6000:电子证件工本费60元 |
往来台湾通行证自助签注 | - | k 1 n d1/1 $1500:每次签注15元 | sfz twz
出入境证件办理进度查询 | - | k d1/1 | slhz
本人出入境记录查询 | - | k d3/1 | sfz

# 交通管理 | P | A | sfz jsz | 20/5
机动车驾驶证期满换证 | - | k 1 n d1/1 $1000:工本费10元 | + tjzm
机动车驾驶证遗失补领 | - | d5/1 $1000:工本费10元 | sfz tjzm zp
境外机动车驾驶证换领国内驾驶证 | - | M d30/20 $1000:工本费10元 | hz jlzj jwjsz tjzm zp
机动车行驶证补领 | - | d5/1 $1000:工本费10元 | sfz xszdj
交通技术监控记录查询处理 | - | k d1/1 | sfz jsz

# 治安管理 | E | A | yyzz jbr sqb | 20/10
旅馆业特种行业许可证核发 | 创业 | M d20/15 | yyzz jbr cs pmt aqzd
公章刻制备案 | 创业 | k d1/1 @D | yyzz jbr
养犬登记 | - | P d7/3 | sfz jzzm myzm

@RS | 演示区人力资源和社会保障局 | 人力社保 | 010-64022360
# 就业创业 | P | B | sfz sqb | 15/5
失业登记 | 就业 | k d1/1 | sfz
就业登记 | 就业 | B k d1/1 | sfz ldht
就业创业证申领 | 就业,创业 | k d5/1 | sfz zp
失业保险金申领 | 就业 | k d10/3 | sfz yhk
一次性创业补贴申领 | 创业 | k d20/15 | sfz yyzz yhk
创业担保贷款申请 | 创业 | d30/20 | sfz yyzz hyzk sqb
高校毕业生社保补贴申领 | 就业 | k d20/10 | sfz byz yhk
灵活就业社会保险补贴申领 | 就业 | k d20/15 | sfz jykn yhk
职业技能培训补贴申领 | 就业 | k d20/15 | sfz zyzs yhk
就业困难人员认定 | 就业 | d15/7 | sfz hkb sqb zmcl
招用就业困难人员社保补贴申领 | 就业 | E d20/15 | yyzz jbr ldht
用人单位招聘信息发布 | 就业 | E k d3/1 | yyzz jbr
人力资源服务许可 | 创业 | E d20/15 | yyzz jbr cs zyzs
劳务派遣经营许可 | 创业 | E d20/15 | yyzz jbr cs zc

# 社会保障 | P | B | sfz | 15/5
城乡居民养老保险参保登记 | 退休 | k d5/1 | sfz hkb
城乡居民养老保险待遇申领 | 退休 | k d20/10 | sfz hkb yhk
职工基本养老保险待遇申领（退休申请） | 退休 | d20/10 | sfz dazl yhk
退休“一件事”联办 | 退休 | k d20/10 | sfz yhk
灵活就业人员参保登记 | 就业,创业 | k d5/1 | yxzj
灵活就业人员缴费基数申报 | 就业 | k d1/1 | sfz
单位社会保险参保登记 | 创业 | E k d5/1 | yyzz jbr
单位社会保险增员减员 | 就业 | E k d1/1 | yyzz jbr
社会保险个人权益记录打印 | 就业,购房 | k d1/1 | sfz
单位社会保险参保缴费证明开具 | - | E k d1/1 | yyzz jbr
养老保险关系转移接续 | 就业,迁居 | k d45/15 | sfz cbpz
社会保障卡申领 | 出生,就业 | k d15/10 | sfz zp
社会保障卡补换（即时制卡） | - | k 1 n d1/1 | sfz
社会保障卡挂失 | - | k d1/1 | sfz
社会保障卡启用及密码重置 | - | k 1 n d1/1 | sfz sbk
外国人及港澳台居民社会保险参保登记 | 就业 | d5/1 | yxzj ldht
工伤认定申请 | 就业 | M d60/45 | sfz ldht zdzm sgbg
劳动能力鉴定申请 | 就业 | M d60/45 | sfz zdzm bl
工伤保险待遇申领 | 就业 | d30/20 | sfz gsrd ylpj
丧葬补助金和抚恤金申领 | 身后事 | d20/10 | swzm sfz qszm yhk
领取养老金人员待遇资格认证 | 退休 | k d1/1 | sfz
退休人员基本信息变更 | 退休 | k d5/1 | sfz zmcl

# 人才人事 | P | B | sfz sqb | 20/10
专业技术职称评审申报 | 就业 | d60/60 | sfz byz zyzs sqb
职业资格证书查询核验 | 就业 | k d1/1 | sfz
流动人员人事档案接收 | 就业 | d15/5 | sfz dazl
流动人员人事档案转出 | 就业,迁居 | d15/5 | sfz dcdh
存档人员证明开具 | - | k d3/1 | sfz
高校毕业生报到登记 | 上学,就业 | k d5/1 | sfz byz bdzm

# 劳动关系 | E | A | yyzz jbr sqb | 30/20
劳动人事争议仲裁申请 | 就业 | P M d45/45 | sfz zcsqs zjcl
劳动保障监察投诉 | 就业 | P d60/30 | sfz tsnr zjcl
特殊工时工作制审批 | - | d20/10 | + zdfa
企业经济性裁员报告 | - | d30/10 | + zdfa ghyj
集体合同审查 | - | d15/15 | + jtht

@YB | 演示区医疗保障局 | 医保 | 010-64035780
# 医疗保障 | P | B | sfz | 20/10
城乡居民医保参保登记 | 出生,上学 | k d5/1 | sfz hkb
城乡居民医保缴费 | - | k d1/1 | sfz
新生儿医保参保登记 | 出生 | k d5/1 | csyxzm hkb
职工医保参保信息变更 | - | k d5/1 | sfz zmcl
医保关系转移接续 | 就业,迁居 | k d45/15 | sfz cbpz
异地就医备案 | 就医,迁居 | k d1/1 | sfz
异地长期居住人员备案 | 退休,迁居,就医 | k d1/1 | sfz jzzm
异地转诊就医备案 | 就医 | k d3/1 | sfz zzzm
医保电子凭证激活 | 就医 | k d1/1 | sfz
医保个人账户家庭共济绑定 | 就医 | k d1/1 | sfz qszm
医疗费用手工（零星）报销 | 就医 | d30/20 | sfz ylpj fymx zdzm yhk
门诊慢特病待遇认定 | 就医 | d20/10 | sfz zdzm bl
生育医疗费用报销 | 生育 | k d30/15 | sfz ylpj fymx csyxzm
生育津贴申领 | 生育 | k d20/10 | sfz csyxzm
医保参保缴费凭证打印 | - | k d1/1 | sfz
医保个人账户及缴费记录查询 | - | k d1/1 | sfz
定点医药机构协议管理申请 | - | E M d60/60 | yyzz jbr zyxk cs sqb
定点医药机构信息变更 | - | E d20/10 | yyzz jbr zmcl
医疗救助申请 | 就医 | d30/20 | sfz ylpj zdzm dbzm
长期护理保险失能评估申请 | 残疾人服务,退休 | d30/30 | sfz bl sqb
参保人员死亡个人账户继承 | 身后事 | d20/10 | swzm sfz qszm yhk
灵活就业人员医保参保登记 | 就业 | k d5/1 | yxzj
港澳台居民城乡居民医保参保登记 | 迁居 | d5/1 | yxzj jzz
在京高校大学生医保参保登记 | 上学 | k d5/1 | sfz xszm
城乡居民医保退费申请 | - | k d20/10 | sfz jfpz yhk

@MZ | 演示区民政局 | 民政 | 010-64040215
# 婚姻登记 | P | A | sfz zp | 1/1
结婚登记 | 结婚 | | sfz hz3 hysm
婚姻登记预约 | 结婚 | k d1/1 | sfz
离婚登记 | - | M d60/30 | sfz jhz lhxy zp2
补领结婚证 | 结婚 | | sfz hz3 zmcl
补领离婚证 | - | | sfz zp2 zmcl
婚姻登记记录证明开具 | 结婚,购房 | k d3/1 | sfz

# 社会救助 | P | A | sfz hkb srzm sqb | 30/20
最低生活保障申请 | - | M d30/30 |
特困人员救助供养申请 | - | M d30/30 |
临时救助申请 | 就医 | d15/10 |
低收入家庭认定 | - | d30/20 |

# 养老服务 | P | A | sfz hkb sqb | 20/10
高龄老年人津贴申领 | 退休 | k d20/10 | sfz yhk
失能老年人护理补贴申领 | 退休,残疾人服务 | d30/20 | + pgbg yhk
困难老年人养老服务补贴申领 | 退休 | k d30/20 | + dbzm yhk
老年人能力综合评估申请 | 退休 | d20/15 |
养老机构备案 | - | E d5/5 | yyzz jbr cs xfaq

# 殡葬服务 | P | A | swzm sfz qszm | 10/5
惠民殡葬补贴申领 | 身后事 | k | + yhk
公益性公墓骨灰安放申请 | 身后事 | d20/10 | + hhzm

# 社会组织 | E | A | fddb jbr zc sqb | 60/30
社会团体成立登记 | - | M | fddb jbr zc cs zjzm
社会服务机构（民办非企业单位）成立登记 | - |  | fddb jbr zc cs zjzm
社会组织变更登记 | - | d30/20 | djzs jbr jyzm sqb
社会组织年度工作报告 | - | k d30/20 | djzs jbr

# 区划地名 | E | A | jbr sqb | 30/30
居住区、楼宇名称命名 | 购房 |  | + mmfa

# 儿童福利 | P | A | sfz hkb sqb | 30/20
孤儿基本生活保障金申领 | - | | + zmcl yhk
事实无人抚养儿童认定 | - | | + zmcl
困境儿童保障申请 | - | | + zmcl

# 收养登记 | P | A | sfz hkb jhz | 30/30
收养登记 | 出生 | M | + syxy tjbg

@SJ | 演示区市场监督管理局 | 市场监管 | 010-64051600
# 市场主体 | E | D | djsqs jbr | 15/3
有限责任公司设立登记 | 创业 | d15/1 | + zc gdzm cs
有限责任公司变更登记 | - | k | + yyzz jyzm
有限责任公司注销登记 | - | | + yyzz jyzm qsbg
股份有限公司设立登记 | 创业 | | + zc gdzm cs
股份有限公司变更登记 | - | | + yyzz jyzm
企业简易注销登记 | - | k d15/3 | djsqs cns
个人独资企业设立登记 | 创业 | d15/1 | + tzr cs
合伙企业设立登记 | 创业 | d15/1 | + hhxy cs
农民专业合作社设立登记 | 创业 | | + zc cyqd cs
分公司设立登记 | 创业 | | + yyzz cs
外商投资企业设立登记 | 创业 | | + zc gdzm cs
个体工商户设立登记 | 创业 | P k d15/1 | djsqs sfz cs
个体工商户变更登记 | - | P k d15/1 | djsqs sfz yyzz
个体工商户注销登记 | - | P k d15/1 | djsqs sfz
个体工商户转型为企业（个转企） | 创业 | B d15/3 | + yyzz zc cs
企业名称自主申报 | 创业 | B k d1/1 | jbr
电子营业执照下载 | 创业 | B k d1/1 | jbr
营业执照遗失补领 | - | B d5/1 | + ysgg
企业年度报告公示 | - | k d1/1 | jbr
企业信用报告打印 | - | B k d1/1 | jbr
企业登记档案查询 | - | B k d3/1 | jbr
经营异常名录移出申请 | - | d5/5 | + yyzz zmcl
股权出质设立登记 | - | d3/1 | + zqht
企业迁移登记（跨区迁入） | - | | + yyzz cs jyzm
市场主体歇业备案 | - | B k d1/1 | + yyzz
企业开办“一件事”（设立登记、刻章、发票、社保） | 创业 | d3/1 | + zc gdzm cs

# 食品药品 | E | D | yyzz jbr sqb | 20/10
食品经营许可（餐饮服务） | 创业 |  | yyzz jbr cs pmt aqzd
食品经营许可变更 | - | | + xkz
食品经营许可延续 | - | | + xkz
食品经营许可注销 | - | k d10/3 | yyzz jbr xkz
仅销售预包装食品备案 | 创业 | k d1/1 | yyzz jbr
食品小作坊登记 | 创业 | B d20/15 | + cs pmt
药品经营许可（零售） | 创业 | M d30/20 | yyzz jbr cs zyzs zlgl
第二类医疗器械经营备案 | 创业 | k d1/1 | yyzz jbr cs zlgl
医疗器械经营许可（第三类） | 创业 | d30/20 | + cs zlgl

# 质量标准 | E | D | yyzz jbr sqb | 20/10
特种设备使用登记 | - | d15/5 | + sbzl
计量器具强制检定申请 | - | | + sbzl

# 消费者权益 | B | D | yxzj | 7/7
消费投诉举报 | - | k | yxzj zjcl
广告发布登记 | - | E d10/5 | yyzz jbr sqb

@SW | 国家税务总局北京市演示区税务局 | 税务 | 010-64068366
# 税费办理 | E | F | yyzz jbr | 1/1
新办纳税人“套餐式”服务 | 创业 | k @D | yyzz jbr
发票首次领用 | 创业 | k 1 n | yyzz jbr
增值税普通发票代开 | - | B k 1 n | yxzj htxy
增值税专用发票代开 | - | | + htxy
数电发票开票额度调整申请 | - | k | yyzz jbr
个人所得税纳税记录开具 | 购房,就业 | P k | sfz
税收完税证明开具 | - | B k | yxzj
个人所得税综合所得年度汇算 | - | P k | sfz
个人所得税专项附加扣除信息采集 | 上学,生育,购房 | P k | sfz
个人所得税经营所得申报 | - | B k | yxzj
增值税及附加税费申报 | - | k |
企业所得税季度预缴申报 | - | k |
企业所得税年度汇算清缴申报 | - | k |
房产税、城镇土地使用税申报 | - | B k | yxzj bdcz
印花税申报 | - | k |
契税申报 | 购房 | B @C | yxzj gfht bdcz
二手房交易税费申报 | 购房 | B @C | yxzj gfht bdcz
个人出租房屋代开发票 | - | k P | sfz bdcz fwzl
城乡居民社会保险费缴纳 | - | P k | sfz
灵活就业人员社会保险费缴纳 | 就业 | P k | sfz
车辆购置税申报 | - | B | yxzj ccfp hgz
跨区域涉税事项报告 | - | k |
清税注销（清税证明） | - | d20/3 | + qsbg
纳税人登记信息变更 | - | k |
增值税一般纳税人登记 | - | k |
出口退（免）税备案 | - | k d5/1 |
纳税信用复评申请 | - | d15/15 | + zmcl
税收减免核准 | - | d20/10 | + zmcl
误收多缴退抵税申请 | - | k B d10/10 | yxzj jspz
个人所得税扣缴申报 | 就业 | k |
涉税信息查询 | - | B k | yxzj
中国税收居民身份证明开具 | - | B d10/10 | yxzj zmcl

@ZJ | 演示区住房和城乡建设委员会 | 住建 | 010-64073211
# 住房保障 | P | A | sfz hkb srzm sqb | 30/20
公共租赁住房申请 | 迁居 | M d30/30 |
保障性租赁住房资格申请 | 就业,迁居 | k d20/15 | sfz ldht sqb
共有产权住房购房资格申请 | 购房,结婚 |  | 
市场租房补贴申请 | 迁居 | k | + fwzl
住房保障资格年度复核 | - | k d20/10 | sfz srzm
住房保障家庭信息变更 | - | k d20/10 | sfz hkb zmcl

# 房屋交易 | B | A | yxzj | 10/5
商品房预售许可 | - | E d10/10 | yyzz jbr ghxk sgxk ysfa
新建商品房买卖合同网签备案 | 购房 | 0 d1/1 | yxzj gfht
存量房买卖合同网签 | 购房 | d1/1 | yxzj bdcz gfht
房屋租赁登记备案 | 迁居 | k d3/1 | yxzj fwzl
家庭住房套数查询 | 购房 | P k d1/1 | sfz
购房资格核验 | 购房,结婚 | P k d10/5 | sfz hkb hyzk
房地产经纪机构备案 | - | E d10/5 | yyzz jbr zyzs
业主大会成立备案 | 购房 | d15/10 | jbr yzdh
住宅专项维修资金使用申请 | - | d15/10 | jbr wxfa yzdh
住宅专项维修资金缴存 | 购房 | P k d1/1 | sfz gfht

# 建设工程 | E | A | yyzz jbr sqb | 20/10
建筑工程施工许可证核发 | - | M d15/7 | yyzz jbr ydwj ghxk sjwj
建设工程竣工验收备案 | - | d15/5 | + ysbg
建设工程消防设计审查 | - | d15/15 | + sjwj
建设工程消防验收 | - | M d15/15 | + ysbg
其他建设工程消防验收备案 | - | d5/5 | + ysbg
既有住宅加装电梯补贴申请 | 退休 | B | jbr yzdh sjwj

@BDC | 演示区不动产登记中心 | 不动产登记 | 010-64089030
# 不动产 | B | C | yxzj sqb | 30/5
国有建设用地使用权及房屋所有权首次登记 | - | E M d30/10 | yyzz jbr ydwj ysbg chbg
新建商品房首次登记（交房即交证） | 购房 | E | yyzz jbr chbg
新建商品房转移登记 | 购房 | $8000:不动产登记费住宅80元/件 | yxzj gfht wszm
二手房转移登记 | 购房 | $8000:不动产登记费住宅80元/件 | yxzj bdcz gfht wszm
赠与转移登记 | - | $8000:不动产登记费住宅80元/件 | yxzj bdcz zyht wszm
继承（受遗赠）转移登记 | 身后事 | M d30/10 $8000:不动产登记费住宅80元/件 | yxzj bdcz swzm qszm jcgz
夫妻间不动产权属变更（婚内加名） | 结婚 | $8000:不动产登记费住宅80元/件 | sfz jhz bdcz hyxy
离婚析产转移登记 | - | $8000:不动产登记费住宅80元/件 | sfz lhz bdcz
非住宅转移登记 | - | E $55000:不动产登记费非住宅550元/件 | yyzz jbr bdcz zrht wszm
抵押权首次登记 | 购房 | d30/3 $8000:不动产登记费住宅80元/件 | yxzj bdcz dyht
在建建筑物抵押权登记 | - | E d30/3 $55000:不动产登记费非住宅550元/件 | yyzz jbr ghxk dyht
抵押权注销登记 | - | 0 d30/1 | yxzj bdcz zxzm
预购商品房预告登记 | 购房 | d30/3 | yxzj gfht
更正登记 | - | d30/10 | + bdcz zmcl
异议登记 | - | d30/1 | + zmcl
居住权设立登记 | 退休,结婚 | d30/5 | yxzj bdcz jzqht
地役权登记 | - | d30/10 | yxzj bdcz dyqht
权利人姓名或名称变更登记 | - | d30/5 | + bdcz zmcl
不动产注销登记 | - | d30/5 | + bdcz zmcl
不动产权证书补证 | - | d30/10 $1000:工本费10元 | + ysgg
不动产权证书换证 | - | d30/10 $1000:工本费10元 | + bdcz
二手房水电气热联动过户 | 购房 | d30/5 | yxzj bdcz gfht
不动产权证书查询 | 购房 | P k d1/1 | sfz
不动产权属证明（有无房产）开具 | 购房,上学 | P k d1/1 | sfz
不动产登记资料查询（利害关系人） | - | d5/3 | yxzj zmcl
宗地图、房屋分户图打印 | - | P k d1/1 | sfz bdcz

@WJ | 演示区卫生健康委员会 | 卫健 | 010-64092255
# 母婴健康 | P | A | sfzfm sqb | 20/10
出生医学证明补发 | 出生 | d20/15 | + zmcl
出生医学证明换发 | 出生 | d20/15 | + csyxzm
生育登记 | 生育 | k d1/1 | sfzfm jhz
母子健康手册建册 | 生育 | d1/1 | sfz
计划生育家庭特别扶助金申领 | 退休 | d30/20 | sfz hkb zmcl yhk

# 医疗卫生 | E | A | yyzz jbr sqb | 20/10
医疗机构执业登记 | 创业 | M d45/30 | yyzz jbr cs zyzs zlgl
诊所备案 | 创业 | d1/1 | + cs zyzs
医疗机构执业许可证变更 | - | | + xkz
医疗机构执业许可证校验 | - | | + xkz
医师执业注册 | 就业 | P k d20/5 | sfz zyzs tjbg
护士执业注册 | 就业 | P k d20/5 | sfz zyzs tjbg
医师变更执业注册 | 就业 | P k d20/5 | sfz zyzs
公共场所卫生许可 | 创业 | | + cs pmt
公共场所卫生许可延续 | - | | + xkz
放射诊疗许可 | - | M | + fspj sbzl
母婴保健技术服务执业许可 | - |  | + zyzs cs
饮用水供水单位卫生许可 | - |  | + jcbg

# 健康服务 | P | A | sfz | 5/3
预防接种证补办 | 上学 | d5/1 | sfz jzjl
入托入学预防接种证查验证明 | 上学 | k d3/1 | sfz
无偿献血者用血费用报销 | 就医 | d20/10 | sfz ylpj xxz yhk
从业人员健康证明办理 | 就业 | d7/3 | sfz
老年人健康体检预约 | 退休,就医 | k d1/1 | sfz
家庭医生签约 | 就医 | k d1/1 | sfz
新生儿出生“一件事”联办 | 出生 | d10/5 | csyxzm sfzfm hkb jhz

@JY | 演示区教育委员会 | 教育 | 010-64100718
# 教育服务 | P | A | sfz hkb | 20/10
小学入学信息采集 | 上学 | k d10/5 | hkb jzzm
初中入学登记 | 上学 | k d10/5 | hkb xjzm
义务教育阶段转学申请 | 上学,迁居 | d15/10 | + jzzm xjzm
学前教育资助申请 | 上学 | d20/15 | + srzm
家庭经济困难学生资助申请 | 上学 | k d20/15 | + srzm
公办幼儿园入园报名 | 上学 | k d10/5 | hkb csyxzm
适龄儿童延缓入学申请 | 上学 | d15/10 | + zdzm
学籍证明开具 | 上学 | k d3/1 | sfz
中等职业学校学历证明补办 | 上学,就业 | d20/10 | sfz sqb
教师资格认定 | 就业 | M d60/30 | sfz byz tjbg zp
教师资格证书补发换发 | 就业 | d30/20 | sfz sqb zp
民办幼儿园设立审批 | - | E M d60/60 | fddb jbr cs zc zjzm
非学科类校外培训机构设立审批 | - | E d60/30 | fddb jbr cs zc aqzd

@JT | 演示区交通局 | 交通 | 010-64113420
# 交通运输 | E | A | yyzz jbr sqb | 20/10
道路旅客运输经营许可 | - | M d20/20 | + clzl aqzd
道路普通货物运输经营许可（4.5吨以上） | 创业 | | + clzl aqzd
道路运输证配发 | - | d10/5 | + clzl
道路运输从业人员从业资格证申领 | 就业 | P d10/5 | sfz jsz zp
道路运输从业资格证换证 | - | P k d5/1 | sfz
网络预约出租汽车驾驶员证申请 | 就业 | P d20/10 | sfz jsz zp wfzm
网络预约出租汽车运输证申请 | - | B | yxzj xsz clzl
机动车维修经营备案 | 创业 | k d5/1 | yyzz jbr cs
占用挖掘城市道路审批 | - | d20/15 | + sgfa
超限运输车辆行驶公路许可 | - | d10/5 | + clzl yslx
居住停车认证 | 购房,迁居 | P k d5/3 | sfz xsz jzzm
机动车驾驶员培训机构备案 | - | d5/5 | + cs clzl

@CL | 演示区残疾人联合会 | 残联 | 010-64127785
# 残疾人服务 | P | A | sfz hkb | 20/10
残疾人证申领 | 残疾人服务 | M d30/20 | sfz hkb zp2 cjpd
残疾人证换领 | 残疾人服务 | | sfz cjz zp2
残疾人证补领 | 残疾人服务 | | sfz zp2 sqb
残疾人证迁移 | 残疾人服务,迁居 | d15/10 | sfz hkb cjz
残疾人证注销 | 残疾人服务,身后事 | d5/3 | cjz zmcl
残疾人证信息查询核验 | 残疾人服务 | k d1/1 | sfz
困难残疾人生活补贴申请 | 残疾人服务 | k d30/20 | sfz cjz dbzm yhk
重度残疾人护理补贴申请 | 残疾人服务 | k d30/20 | sfz cjz yhk
残疾人辅助器具适配补贴申请 | 残疾人服务 | k d30/20 | sfz cjz pgbg
残疾人机动轮椅车燃油补贴申领 | 残疾人服务 | k d20/15 | sfz cjz jsz yhk
残疾人职业技能培训报名 | 残疾人服务,就业 | k d5/3 | sfz cjz
残疾儿童康复救助申请 | 残疾人服务,出生 | d20/15 | + zdzm
残疾人家庭无障碍改造申请 | 残疾人服务 | M d30/30 | sfz cjz bdcz
残疾人自主创业扶持补贴申请 | 残疾人服务,创业 | d30/20 | sfz cjz yyzz yhk

@GJJ | 北京住房公积金管理中心演示管理部 | 公积金 | 010-64136655
# 住房公积金 | P | E | sfz | 3/1
单位住房公积金缴存登记 | 创业 | E k | yyzz jbr
个人住房公积金账户设立 | 就业 | B k d1/1 | sfz
住房公积金汇缴变更（增员、减员） | 就业 | E k d1/1 | yyzz jbr
住房公积金缴存基数调整 | - | E k d1/1 | yyzz jbr
灵活就业人员住房公积金缴存登记 | 就业 | k d1/1 | yxzj
住房公积金提取（购买自住住房） | 购房 | k | sfz gfht gffp
住房公积金提取（租赁住房） | 迁居 | k | sfz
住房公积金提取（离休、退休） | 退休 | k | sfz
住房公积金提取（偿还住房贷款） | 购房 | k | sfz dkht
住房公积金提取（出境定居） | - | | sfz hzdj
住房公积金提取（职工死亡） | 身后事 | d5/3 | swzm sfz qszm
住房公积金提取（重大疾病医疗） | 就医 | d5/3 | sfz zdzm ylpj
住房公积金个人住房贷款申请 | 购房,结婚 | M d30/15 | sfz hyzk gfht srzm
住房公积金贷款提前还款 | 购房 | k d1/1 | sfz
住房公积金贷款结清证明开具 | 购房 | k d1/1 | sfz
个人住房公积金缴存证明打印 | 购房 | k d1/1 | sfz
住房公积金异地转移接续 | 就业,迁居 | k d15/3 | sfz
住房公积金账户信息查询 | - | k d1/1 | sfz
住房公积金个人账户封存启封 | 就业 | E k d1/1 | yyzz jbr
住房公积金贷款还款方式变更 | - | k d5/3 | sfz dkht

@TY | 演示区退役军人事务局 | 退役军人 | 010-64140818
# 退役军人 | P | A | sfz tyz | 30/20
退役军人优待证申领 | - | d30/20 | sfz tyz zp
退役士兵自主就业地方一次性经济补助 | 就业 | d20/15 | + yhk
退役士兵安置 | 就业 | d60/60 | sfz tyz dazl
伤残抚恤关系接收 | 迁居 | | sfz cjjrz zmcl
残疾军人证换发 | 残疾人服务 | | sfz cjjrz zp2
烈士遗属定期抚恤金申领 | 身后事 | | sfz yfz qszm yhk
在乡老复员军人生活补助申领 | 退休 | | sfz tyz yhk
义务兵家庭优待金申领 | - | | sfz hkb rwtzs yhk
退役军人信息采集 | - | k d5/1 | sfz tyz
光荣牌悬挂申请 | - | k d10/5 | sfz
退役军人创业担保贷款贴息申请 | 创业 | | + yyzz dkht
退役军人丧葬补助费申领 | 身后事 | d20/10 | swzm sfz qszm yhk

@SF | 演示区司法局 | 司法 | 010-64152236
# 法律服务 | P | A | sfz sqb | 15/7
法律援助申请 | - | k d7/7 | sfz sqb jjzk zjcl
法律援助申请进度查询 | - | k d1/1 | sfz
公证事项办理预约 | 迁居,上学 | d15/15 | + zmcl
公证书查询核验 | - | B k d1/1 | gzs
人民调解申请 | - | d30/30 | sfz sqb zjcl
公共法律服务咨询预约 | - | k d1/1 | sfz
法律职业资格证书申领 | 就业 | d30/20 | sfz byz zp2 sqb
基层法律服务工作者执业核准 | 就业 | d20/20 | sfz zyzs sqb
律师事务所设立初审 | - | E d20/20 | jbr zc cs zyzs
社区矫正对象外出请假 | - | d3/3 | sfz wcly
刑满释放人员安置帮教登记 | - | d5/5 | sfz sfzm
行政复议申请 | - | k B d60/60 | yxzj fysqs zjcl

@CG | 演示区城市管理委员会 | 城管 | 010-64160319
# 城市管理 | E | A | yyzz jbr sqb | 20/15
户外广告设施设置审批 | - | M | + sjwj aqpj
门店牌匾标识设置备案 | 创业 | k d5/3 | yyzz jbr xgt
城市建筑垃圾处置核准 | - | d20/10 | + ysht
城市树木砍伐移植审批 | - | B | jbr ldfa
瓶装燃气供应站经营许可 | - | d20/20 | + cs aqzd
生活垃圾收集运输服务许可 | - | d20/20 | + clzl aqzd
餐饮服务单位餐厨垃圾处置备案 | 创业 | k d5/3 | yyzz jbr ysht
环境卫生设施拆除迁移审批 | - | d20/20 | + ldfa
城市道路照明设施迁移审批 | - | | + sgfa
城市管理投诉举报 | - | B k d15/15 | yxzj zjcl
门前“三包”责任书签订 | 创业 | k d3/1 | yyzz jbr
临时性户外广告设置备案 | - | d5/3 | + xgt

@HJ | 北京市生态环境局演示分局 | 生态环境 | 010-64171020
# 生态环境 | E | A | yyzz jbr sqb | 30/15
建设项目环境影响报告书审批 | - | M d60/60 | yyzz jbr hpwj gcxm
建设项目环境影响报告表审批 | - | d30/15 | yyzz jbr hpwj gcxm
建设项目环境影响登记表备案 | - | k d1/1 | yyzz jbr
排污许可证申请（简化管理） | - | d20/15 | + hpwj
排污许可证变更 | - | d10/10 | + xkz
排污登记 | 创业 | k d1/1 | yyzz jbr
辐射安全许可证核发（Ⅲ类射线装置） | - | M d20/20 | + sbzl fspj
危险废物管理计划备案 | - | k d5/3 | yyzz jbr glfa
突发环境事件应急预案备案 | - | d5/5 | + yjya
建筑施工夜间作业备案 | - | d5/3 | + sgfa

@WL | 演示区文化和旅游局 | 文旅 | 010-64185577
# 文化旅游 | E | A | yyzz jbr sqb | 20/10
娱乐场所经营许可 | 创业 | M d20/20 | yyzz jbr cs pmt aqzd
娱乐场所经营许可证变更 | - | | + xkz
营业性演出审批 | - | d20/5 | + ycfa
互联网上网服务营业场所经营许可 | 创业 | d20/20 | yyzz jbr cs pmt xfaq
旅行社设立许可 | 创业 | M d20/20 | yyzz jbr cs zc zbj
艺术品经营单位备案 | 创业 | k d15/5 | yyzz jbr
出版物零售经营许可 | 创业 | | + cs
区级文物保护单位建设控制地带内建设工程审批 | - | d20/20 | + sjwj
高危险性体育项目经营许可 | 创业 | M d30/30 | yyzz jbr cs zyzs aqzd
公共文化场馆活动预约 | - | P k d1/1 | sfz
图书馆读者证办理 | - | P k d1/1 | sfz
旅游投诉受理 | - | B k d10/10 | yxzj zjcl

@NY | 演示区农业农村局 | 农业农村 | 010-64196630
# 农业农村 | E | A | yyzz jbr sqb | 20/20
动物诊疗许可 | 创业 | M | + cs zyzs
兽药经营许可 | 创业 | M d30/20 | + cs zlgl
农药经营许可 | 创业 | | + cs zlgl
动物防疫条件合格证核发 | - |  | + pmt fyzd
农村土地经营权流转合同备案 | - | B d10/5 | yxzj lzht
犬只狂犬病免疫证明办理 | - | P d1/1 | sfz
农机购置补贴申请 | - | k B d30/20 | yxzj gjfp yhk
农作物种子生产经营许可 | 创业 |  | + cs zlgl

@YJ | 演示区应急管理局 | 应急管理 | 010-64203119
# 安全生产 | E | A | yyzz jbr sqb | 20/10
危险化学品经营许可（不带储存设施） | 创业 | M d30/20 | yyzz jbr cs aqpj aqzd
烟花爆竹零售经营许可 | - | | + cs aqzd
生产安全事故应急预案备案 | - | k d5/3 | yyzz jbr yjya
第二、三类非药品类易制毒化学品经营备案 | - | d3/3 | + aqzd
特种作业操作证申领 | 就业 | P | sfz byz tjbg zp
特种作业操作证复审 | 就业 | k P | sfz tzzy tjbg
因灾倒损民房恢复重建补助申请 | - | P d30/20 | sfz hkb zmcl
受灾人员冬春生活救助申请 | - | P d30/20 | sfz hkb srzm
应急避难场所查询 | - | P k d1/1 | sfz
安全生产违法行为举报 | - | B k d15/15 | yxzj zjcl

@SL | 演示区水务局 | 水务 | 010-64210987
# 水务 | E | A | yyzz jbr sqb | 20/15
取水许可 | - | M d45/20 | + szlg
河道管理范围内建设项目工程建设方案审批 | - | M | + sjwj
城镇污水排入排水管网许可 | 创业 | d15/10 | + psxk
生产建设项目水土保持方案审批 | - | | + stbc
计划用水指标核定 | - | | + yssj
拆除、改动城镇排水与污水处理设施审批 | - |  | + sgfa
建设项目节水设施验收备案 | - | d15/10 | + ysbg
居民用水户更名过户 | 购房 | P k d3/1 | sfz bdcz

@GH | 北京市规划和自然资源委员会演示分局 | 规划自然资源 | 010-64222510
# 规划自然资源 | E | A | yyzz jbr sqb | 20/20
建设用地规划许可证核发 | - | M | + ydwj gcxm
建设工程规划许可证核发 | - | M | + ydwj sjwj
乡村建设规划许可证核发 | - | B | yxzj ydwj sjwj
建设工程规划核验 | - | d15/10 | + ghxk chbg
建设项目用地预审与选址意见书核发 | - | M | + gcxm
临时建设工程规划许可 | - | d20/15 | + sjwj
国有建设用地使用权划拨决定书核发 | - |  | + gcxm ydwj
建设工程设计方案审查 | - |  | + sjwj
测绘成果提供使用审批 | - | d10/7 | + sycl
控制性详细规划信息查询 | - | B k d5/3 | yxzj
地质灾害危险性评估报告备案 | - | d10/5 | + pgbg
林木采伐许可证核发 | - | B d20/10 | yxzj ldfa

@SHW | 演示区商务局 | 商务 | 010-64236012
# 商务服务 | E | A | yyzz jbr | 15/5
单用途商业预付卡备案 | 创业 | k | yyzz jbr
外商投资企业信息报告 | - | k d1/1 | yyzz jbr
二手车交易市场经营者备案 | - | d10/5 | + cs
成品油零售经营资格审批 | - | M d20/20 | + cs aqpj
再生资源回收经营者备案 | 创业 | k d5/3 | yyzz jbr
汽车以旧换新补贴申请 | - | P k d20/15 | sfz xsz ccfp yhk
家电以旧换新补贴申请 | - | P k d20/15 | sfz gjfp yhk
家政服务机构备案 | 创业 | k d5/3 | yyzz jbr
便民早餐网点建设补贴申请 | 创业 | B d30/20 | yyzz jbr cs yhk
商业特许经营备案 | - | d10/10 | + txht

@JD | 演示区示例街道办事处 | 街道办 | 010-64240365
# 基层服务 | P | A | sfz hkb | 10/5
独生子女父母光荣证办理 | 生育 | d10/5 | sfzfm hkb jhz
养老助残卡申领 | 退休,残疾人服务 | k d15/10 | sfz zp
居家养老服务补贴申请 | 退休 | d20/15 | sfz pgbg yhk
临时救助（急难型）申请 | 就医 | d5/3 | sfz zmcl
社区公益性岗位申请 | 就业 | d15/10 | sfz jykn
物业服务投诉 | 购房 | B k d15/15 | yxzj zjcl
社区养老驿站服务预约 | 退休 | k d1/1 | sfz
身后事“一件事”联办 | 身后事 | d10/5 | swzm sfz qszm
困难群众冬季取暖补贴申请 | - | k d20/15 | sfz dbzm yhk
志愿者注册 | - | k d1/1 | sfz
独居老人巡访登记 | 退休 | k d3/1 | sfz
社区活动场地预约 | - | B k d1/1 | yxzj
残疾人居家托养服务补贴申请 | 残疾人服务 | d20/15 | sfz cjz yhk
非京籍适龄儿童入学材料审核 | 上学,迁居 | d10/5 | sfzfm jzz jzzm ldht
居住情况证明开具 | 迁居 | k d3/1 | sfz jzzm
社区卫生服务站签约转介 | 就医 | k d1/1 | sfz
"""

# ---------------------------------------------------------------------------------------------
# Catalogue (事项目录)
# ---------------------------------------------------------------------------------------------
LIFE_EVENTS = ["出生", "上学", "就业", "结婚", "生育", "购房", "创业", "退休", "身后事", "迁居", "就医", "残疾人服务"]
AUDIENCES = {"P": "PERSONAL", "E": "ENTERPRISE", "B": "BOTH"}
TRIPS = {"0": "ZERO", "1": "ONCE", "M": "MULTIPLE"}


def parse_catalogue(text):
    departments, items = [], []
    dept = cat = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("##"):
            continue
        where = f"ITEMS line {number}"
        cells = [c.strip() for c in line[1:].split("|")] if line[0] in "@#" else [c.strip() for c in line.split("|")]
        if line.startswith("@"):
            short_id, name, short, phone = cells
            dept = {"id": f"110101-{short_id}", "name": name, "shortName": short, "phone": phone}
            departments.append(dept)
            dept["_count"] = 0
            continue
        if line.startswith("#"):
            category, aud, bt, mats, days = cells
            legal, promised = (int(x) for x in days.split("/"))
            cat = {"category": category, "audience": AUDIENCES[aud], "bt": bt, "mats": mats.split(), "days": (legal, promised)}
            continue
        if len(cells) != 4:
            raise SystemExit(f"{where}: 4 cells expected: {raw!r}")
        name, events, flags, mats = cells
        audience, bt = cat["audience"], cat["bt"]
        legal, promised = cat["days"]
        kiosk, trips, appoint, fee, fee_note = False, None, None, 0, ""
        for f in flags.split():
            if f in AUDIENCES:
                audience = AUDIENCES[f]
            elif f == "k":
                kiosk = True
            elif f in TRIPS:
                trips = TRIPS[f]
            elif f in ("a", "n"):
                appoint = f == "a"
            elif f.startswith("d"):
                legal, promised = (int(x) for x in f[1:].split("/"))
            elif f.startswith("$"):
                amount, fee_note = f[1:].split(":", 1)
                fee = int(amount)
            elif f.startswith("@"):
                bt = f[1:]
            else:
                raise SystemExit(f"{where}: unknown flag {f!r}")
        if trips is None:
            trips = "ZERO" if kiosk else "ONCE"
        if appoint is None:
            appoint = trips != "ZERO" and not kiosk
        codes = mats.split()
        if not codes:
            codes = list(cat["mats"])
        elif codes[0] == "+":
            codes = list(cat["mats"]) + codes[1:]
        for c in codes:
            if c not in MATERIALS:
                raise SystemExit(f"{where}: unknown material {c!r}")
        materials = [MATERIALS[c] + (c in ELECTRONIC,) for c in codes]
        if (audience != "ENTERPRISE" and trips != "ZERO" and cat["category"] not in IN_PERSON
                and "jbr" not in codes and len(materials) < 5):
            materials.append(WTS + (False,))
        dept["_count"] += 1
        items.append({
            "id": f"{dept['id']}-{dept['_count']:04d}",
            "departmentId": dept["id"],
            "departmentName": dept["name"],
            "name": name,
            "category": cat["category"],
            "audience": audience,
            "lifeEvents": [] if events == "-" else events.split(","),
            "trips": trips,
            "materials": [{"name": m[0], "required": m[1], "copies": m[2], "note": m[3], "electronic": m[4]}
                          for m in materials],
            "feeFen": fee,
            "feeNote": fee_note,
            "legalLimitDays": legal,
            "promisedLimitDays": promised,
            "kioskCapable": kiosk,
            "appointable": appoint,
            "businessType": bt,
        })
    for d in departments:
        del d["_count"]
    return departments, items


# ---------------------------------------------------------------------------------------------
# Kiosk forms (自助申报表单): what the citizen fills in at the kiosk, by item name
# ---------------------------------------------------------------------------------------------
# The version of the data set in which each item last changed; kiosks that synced an earlier data set
# get what changed since. 1: the first data set. 2: kiosk forms, portal URLs, electronic materials
# (every item got a portal URL, so every item is at 2).
DATA_VERSION = 2
# Items changed in a later data set, by name: 3 gave 往来港澳通行证自助签注 (an item with a fee) its form.
ITEM_VERSIONS = {"往来港澳通行证自助签注": 3}
PORTAL = "https://zwfw.example.gov.cn/item/"  # the province's online service portal (fictitious)


def field(id, label, label_en, type="TEXT", required=True, prefill="NONE", max_length=0, choices=(), hint="",
          hint_en=""):
    return {"id": id, "label": label, "labelEn": label_en, "type": type, "required": required, "prefill": prefill,
            "maxLength": max_length, "choices": list(choices), "hint": hint, "hintEn": hint_en}


def choices(*pairs):
    """'中文:English' pairs; the values are their numbers from 1, as the platform's codes are."""
    out = []
    for n, p in enumerate(pairs, 1):
        zh, en = p.split(":")
        out.append({"value": str(n), "label": zh, "labelEn": en})
    return out


def choice(id, label, label_en, *pairs, required=True, prefill="NONE"):
    return field(id, label, label_en, "CHOICE", required, prefill, choices=choices(*pairs))


NAME = field("name", "姓名", "Name", "NAME", prefill="CARD_NAME", max_length=50)
ID_NUMBER = field("idNumber", "证件号码", "ID number", "ID_NUMBER", prefill="CARD_ID_NUMBER")
SEX = choice("sex", "性别", "Sex", "男:Male", "女:Female", prefill="CARD_SEX")
BIRTH = field("birthDate", "出生日期", "Date of birth", "DATE", prefill="CARD_BIRTH_DATE",
              hint="例如 1949-12-31", hint_en="For example 1949-12-31")
PHONE = field("phone", "联系电话", "Phone number", "PHONE",
              hint="手机号码，或带区号的固定电话，例如 13800138000", hint_en="A mobile number, or a landline with its area code")
ADDRESS = field("address", "现居住地址", "Home address", "ADDRESS", prefill="CARD_ADDRESS", max_length=100,
                hint="请核对，搬家了请改为现在的住址", hint_en="Check it; if you have moved, enter where you live now")
CREDIT = field("creditCode", "统一社会信用代码", "Unified social credit code", "CREDIT_CODE", prefill="LICENCE_CREDIT_CODE",
               hint="营业执照上的18位代码", hint_en="The 18 characters on the business licence")
BUSINESS = field("businessName", "名称", "Business name", "TEXT", prefill="LICENCE_BUSINESS_NAME", max_length=100)
PAY_TO = choice("payTo", "发放方式", "Paid to", "社会保障卡金融账户:Social security card account", "本人其他银行账户:Another bank account of mine")


def date(id, label, label_en, required=True):
    return field(id, label, label_en, "DATE", required, hint="例如 2026-11-28", hint_en="For example 2026-11-28")


def person(prefix, who, who_en, required=True):
    """Another person's name and ID number (a family member, an agent): typed, not from the card."""
    return [field(prefix + "Name", who + "姓名", who_en + "'s name", "NAME", required, max_length=50),
            field(prefix + "IdNumber", who + "身份证号码", who_en + "'s ID number", "ID_NUMBER", required,
                  hint="18位，最后一位可能是X", hint_en="18 characters, the last may be X")]


FORMS = {
    # personal, few fields
    "社会保障卡挂失": [NAME, ID_NUMBER, choice("lossType", "挂失原因", "Reason", "遗失:Lost", "被盗:Stolen"),
                date("lostOn", "大约丢失日期", "Lost on (about)", required=False), PHONE],
    "居住证签注": [NAME, ID_NUMBER, ADDRESS, PHONE],
    # an item with a fee (每次签注15元): the fee step follows the application at the kiosk
    "往来港澳通行证自助签注": [NAME, ID_NUMBER,
                    field("permitNumber", "通行证号码", "Permit number", max_length=9,
                          hint="证件上的9位号码，以C开头", hint_en="The 9 characters on the permit, starting with C"),
                    choice("endorsement", "签注种类", "Endorsement", "个人旅游:Individual visit", "团队旅游:Group tour",
                           "探亲:Visiting relatives", "商务:Business"),
                    choice("destination", "前往地", "Going to", "香港:Hong Kong", "澳门:Macao"), PHONE],
    "光荣牌悬挂申请": [NAME, ID_NUMBER, dict(ADDRESS, label="悬挂地址", labelEn="Where to hang it"), PHONE],
    "户籍证明开具": [NAME, ID_NUMBER,
               choice("purpose", "证明用途", "Purpose", "升学:Education", "就业:Employment", "出国（境）:Going abroad",
                      "社会保障:Social security", "其他:Other"),
               field("purposeNote", "用途说明", "About the purpose", required=False, max_length=50,
                     hint="选“其他”时请写明", hint_en="Say what for when you chose Other"),
               PHONE],
    "无犯罪记录证明开具": [NAME, ID_NUMBER,
                  choice("purpose", "证明用途", "Purpose", "就业:Employment", "出国（境）:Going abroad", "入学:Education",
                         "其他:Other"),
                  choice("delivery", "领取方式", "Collect by", "自助终端打印:Print at a kiosk", "邮寄到家:Post"), PHONE],
    # personal, the card's data and a choice
    "社会保障卡申领": [NAME, ID_NUMBER, SEX, BIRTH, ADDRESS,
                choice("delivery", "领卡方式", "Collect by", "到服务网点领取:At a service point", "邮寄到家:Post"), PHONE],
    "城乡居民医保参保登记": [NAME, ID_NUMBER, ADDRESS,
                   choice("category", "参保人员类别", "Category", "学生儿童:Student or child",
                          "劳动年龄内居民:Working-age resident", "老年人:Senior"), PHONE],
    "城乡居民养老保险参保登记": [NAME, ID_NUMBER, SEX, BIRTH, ADDRESS,
                     choice("level", "缴费档次", "Contribution per year", "1000元:1,000 yuan", "2000元:2,000 yuan",
                            "4000元:4,000 yuan", "6000元:6,000 yuan", "9000元:9,000 yuan"), PHONE],
    "家庭医生签约": [NAME, ID_NUMBER, SEX, BIRTH,
               choice("team", "签约团队", "Team", "社区卫生服务中心:Community health centre",
                      "社区卫生服务站:Community health station"), PHONE],
    # personal, many fields
    "灵活就业人员参保登记": [NAME, ID_NUMBER, SEX, BIRTH, ADDRESS,
                   choice("insurance", "参保险种", "Insurance", "养老和医疗保险:Pension and medical",
                          "仅养老保险:Pension only", "仅医疗保险:Medical only"),
                   date("from", "参保开始日期", "Insured from"),
                   choice("base", "缴费基数档次", "Contribution base", "60%:60%", "100%:100%", "300%:300%"), PHONE],
    "失业登记": [NAME, ID_NUMBER,
             field("lastEmployer", "原工作单位", "Last employer", required=False, max_length=100),
             date("unemployedFrom", "失业日期", "Unemployed since"),
             choice("reason", "失业原因", "Reason", "劳动合同期满:Contract ended", "单位解除劳动合同:Dismissed",
                    "本人辞职:Resigned", "其他:Other"),
             ADDRESS, PHONE],
    "高龄老年人津贴申领": [NAME, ID_NUMBER, BIRTH, ADDRESS, PAY_TO,
                  *person("agent", "代办人", "Agent", required=False),
                  field("agentPhone", "代办人联系电话", "Agent's phone", "PHONE", required=False), PHONE],
    "异地就医备案": [NAME, ID_NUMBER,
               choice("kind", "备案类型", "Kind", "异地长期居住:Living elsewhere", "常驻异地工作:Working elsewhere",
                      "异地转诊:Referred elsewhere", "临时外出就医:Treatment while away"),
               field("place", "就医地", "Where", "ADDRESS", max_length=100, hint="省、市、区县", hint_en="Province, city, county"),
               date("from", "开始日期", "From"), PHONE],
    "住房公积金提取（租赁住房）": [NAME, ID_NUMBER,
                      field("rentedAddress", "租赁住房地址", "Address of the rented home", "ADDRESS", max_length=100),
                      field("monthlyRent", "月租金（元）", "Monthly rent (yuan)", "NUMBER"), PAY_TO, PHONE],
    "残疾人辅助器具适配补贴申请": [NAME, ID_NUMBER,
                      choice("device", "辅助器具", "Device", "轮椅:Wheelchair", "助听器:Hearing aid", "助行器:Walker",
                             "假肢:Prosthesis", "其他:Other"), ADDRESS, PHONE],
    # another person's ID number: a family member
    "新生儿医保参保登记": [*person("baby", "新生儿", "Baby"), date("babyBirthDate", "新生儿出生日期", "Baby's date of birth"),
                  NAME, ID_NUMBER,
                  choice("relation", "与新生儿关系", "Relation to the baby", "父亲:Father", "母亲:Mother", "其他监护人:Guardian"),
                  PHONE],
    "医保个人账户家庭共济绑定": [NAME, ID_NUMBER, *person("member", "共济家庭成员", "Family member"),
                     choice("relation", "与本人关系", "Relation", "配偶:Spouse", "父母:Parent", "子女:Child"), PHONE],
    "惠民殡葬补贴申领": [NAME, ID_NUMBER, *person("deceased", "逝者", "Deceased"), date("diedOn", "死亡日期", "Date of death"),
                 choice("relation", "与逝者关系", "Relation", "配偶:Spouse", "子女:Child", "父母:Parent", "其他亲属:Other relative"),
                 PAY_TO, PHONE],
    "生育登记": [NAME, ID_NUMBER, *person("spouse", "配偶", "Spouse"), date("marriedOn", "结婚登记日期", "Married on"),
             choice("childOrder", "本次登记为", "This child is", "一孩:First child", "二孩:Second child",
                    "三孩及以上:Third or later"),
             date("expectedOn", "预产期", "Due date", required=False), PHONE],
    "婚姻登记预约": [NAME, ID_NUMBER, *person("partner", "另一方", "Partner"),
               choice("kind", "预约事项", "For", "结婚登记:Marriage", "离婚登记:Divorce", "补领婚姻登记证:Replacement certificate"),
               date("on", "预约日期", "Date"), PHONE],
    "生育津贴申领": [NAME, ID_NUMBER, date("deliveredOn", "分娩日期", "Date of delivery"),
               field("babies", "胎数", "Babies", "NUMBER"),
               field("employerCreditCode", "用人单位统一社会信用代码", "Employer's unified social credit code", "CREDIT_CODE",
                     hint="在单位的营业执照上，18位", hint_en="On the employer's business licence, 18 characters"),
               PHONE],
    # business: the credit code and name from the licence the platform holds
    "个体工商户设立登记": [field("businessName", "个体工商户名称", "Business name", max_length=100,
                        hint="例如 演示区小明便民早餐店", hint_en="For example 演示区小明便民早餐店"),
                  choice("form", "组成形式", "Run by", "个人经营:Individual", "家庭经营:Family"),
                  field("premises", "经营场所", "Premises", "ADDRESS", max_length=100),
                  field("scope", "经营范围", "Business scope", max_length=200),
                  field("employees", "从业人数", "Employees", "NUMBER"), PHONE],
    "个体工商户变更登记": [CREDIT, BUSINESS,
                  choice("change", "变更事项", "What changes", "名称:Name", "经营场所:Premises", "经营范围:Business scope",
                         "经营者联系电话:Operator's phone"),
                  field("changedTo", "变更后内容", "Changed to", max_length=200), PHONE],
    "个体工商户注销登记": [CREDIT, BUSINESS,
                  choice("reason", "注销原因", "Reason", "经营者决定停止经营:Closing down", "经营者死亡:Operator died",
                         "其他:Other"),
                  PHONE],
    "市场主体歇业备案": [CREDIT, BUSINESS, date("from", "歇业开始日期", "Suspended from"),
                 date("until", "歇业结束日期", "Suspended until"),
                 field("reason", "歇业原因", "Reason", max_length=100),
                 field("contactAddress", "歇业期间联系地址", "Address meanwhile", "ADDRESS", required=False, max_length=100),
                 PHONE],
    "公章刻制备案": [CREDIT, BUSINESS,
               choice("seal", "印章种类", "Seal", "单位公章:Official seal", "财务专用章:Finance seal",
                      "发票专用章:Invoice seal", "合同专用章:Contract seal"),
               field("count", "刻制枚数", "How many", "NUMBER"), PHONE],
    "单位社会保险参保登记": [CREDIT, BUSINESS, field("employees", "参保职工人数", "Employees insured", "NUMBER"),
                   date("from", "参保开始日期", "Insured from"),
                   field("contactName", "单位经办人", "Contact person", "NAME", prefill="CARD_NAME", max_length=50), PHONE],
}


def attach_forms(items):
    by_name = {i["name"]: i for i in items}
    for name, fields in FORMS.items():
        by_name[name]["form"] = {"fields": fields}
    for i in items:
        i["portalUrl"] = PORTAL + i["id"]
        i["version"] = ITEM_VERSIONS.get(i["name"], DATA_VERSION)


def check_forms(items):
    errors = []
    names = {i["name"] for i in items}
    for name, fields in FORMS.items():
        if name not in names:
            errors.append(f"form of {name}: no such item")
            continue
        it = next(i for i in items if i["name"] == name)
        if not it["kioskCapable"]:
            errors.append(f"form of {name}: the item is not kiosk capable")
        ids = [f["id"] for f in fields]
        if len(set(ids)) != len(ids):
            errors.append(f"form of {name}: field ids twice")
        if "phone" not in ids:
            errors.append(f"form of {name}: no contact phone")
        for f in fields:
            if (f["type"] == "CHOICE") != bool(f["choices"]):
                errors.append(f"form of {name}: {f['id']}: choices and type")
            if f["prefill"] == "CARD_SEX" and [c["value"] for c in f["choices"]] != ["1", "2"]:
                errors.append(f"form of {name}: {f['id']}: the card's sex is 1 or 2")
            if f["prefill"].startswith("LICENCE_") and it["audience"] == "PERSONAL" and "创业" in it["lifeEvents"]:
                errors.append(f"form of {name}: a licence before there is a business")
    if len(FORMS) < 20:
        errors.append(f"{len(FORMS)} forms, not 20 or more")
    return errors


# ---------------------------------------------------------------------------------------------
# Business types (业务类型): A-D as config/demo.yaml's queue section, E-G more of the hall
# ---------------------------------------------------------------------------------------------
BUSINESS_TYPES = [
    {"code": "A", "name": "综合受理", "nameEn": "General services", "windows": "1-6号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "B", "name": "社保医保", "nameEn": "Social security & medical insurance", "windows": "13-18号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "C", "name": "不动产登记", "nameEn": "Real estate registration", "windows": "8-12号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "D", "name": "企业开办", "nameEn": "Business registration", "windows": "19-24号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "E", "name": "住房公积金", "nameEn": "Housing provident fund", "windows": "25-27号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "F", "name": "税务", "nameEn": "Tax services", "windows": "28-33号窗口", "opens": "09:00", "closes": "17:00"},
    {"code": "G", "name": "出入境", "nameEn": "Exit & entry", "windows": "7号窗口", "opens": "09:00", "closes": "16:30"},
]


# ---------------------------------------------------------------------------------------------
# Appointment calendar (预约日历)
# ---------------------------------------------------------------------------------------------
def calendar():
    slots = []
    for start, end in (("09:00", "12:00"), ("13:30", "17:00")):
        t = datetime.datetime.strptime(start, "%H:%M")
        stop = datetime.datetime.strptime(end, "%H:%M")
        while t < stop:
            u = t + datetime.timedelta(minutes=30)
            slots.append({"start": t.strftime("%H:%M"), "end": u.strftime("%H:%M"), "capacity": 4})
            t = u
    # 元旦 2027-01-01 (a Friday); 春节 2027: 除夕 is 2027-02-05, the State Council's notice for
    # 2027 was not out when this was written: the break is assumed to be 2027-02-05 to 02-12.
    holidays = ["2027-01-01"] + [f"2027-02-{d:02d}" for d in range(5, 13)]
    # The hall's rule for appointments: check-in from 30 minutes before the slot until 15 minutes
    # after its start, and a checked-in appointment's number is called first; where the hall is.
    return {"timeZone": "Asia/Shanghai", "days": "MON-FRI", "holidays": holidays, "place": "演示区政务服务中心",
            "checkInEarlyMinutes": 30, "checkInLateMinutes": 15, "appointmentPriority": True, "slots": slots}


CALENDAR = calendar()


def working_days_after(start, n):
    """The day n working days (MON-FRI, not a holiday) after `start` (a date)."""
    holidays = {datetime.date.fromisoformat(h) for h in CALENDAR["holidays"]}
    d = start
    while n > 0:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5 and d not in holidays:
            n -= 1
    return d


# ---------------------------------------------------------------------------------------------
# Notices (公告)
# ---------------------------------------------------------------------------------------------
NOTICES = [
    {
        "id": "NT-2026-041",
        "title": "2027年元旦、春节假期办公时间安排",
        "body": "2027年1月1日（星期五）至1月3日（星期日）元旦放假，1月4日（星期一）起正常办公。"
                "春节假期的具体放假和调休日期以国务院办公厅公布的安排为准，本中心将另行公告。"
                "假期内窗口暂停服务，一层24小时自助服务区照常开放，可办理社保个人权益记录打印、"
                "不动产权属证明开具、住房公积金缴存证明打印等事项。急需办理的，请拨打12345预约。",
        "level": "INFO",
        "validFrom": "2026-12-20T00:00:00" + TZ,
        "validTo": "2027-02-19T23:59:59" + TZ,
    },
    {
        "id": "NT-2026-042",
        "title": "不动产登记系统升级，12月5日晚暂停相关服务",
        "body": "因不动产登记信息系统升级，2026年12月5日（星期六）20:00至12月6日（星期日）08:00，"
                "自助终端和网上办事大厅暂停不动产权证书查询、不动产权属证明开具、宗地图打印等服务，"
                "其他事项不受影响。升级完成后服务自动恢复，给您带来不便，敬请谅解。",
        "level": "URGENT",
        "validFrom": "2026-11-30T08:00:00" + TZ,
        "validTo": "2026-12-06T08:00:00" + TZ,
    },
    {
        "id": "NT-2026-038",
        "title": "老年人办事绿色通道和“帮办代办”服务",
        "body": "本中心为60周岁以上老年人、残疾人、孕妇等群众提供优先取号、优先办理服务。"
                "自助终端可切换“长辈模式”（大字体、高对比度、操作时间更长），一层咨询台配有老花镜、"
                "轮椅和助听设备。行动不便的群众可拨打咨询电话预约“帮办代办”或上门服务。",
        "level": "INFO",
        "validFrom": "2026-11-01T00:00:00" + TZ,
        "validTo": "2027-02-28T23:59:59" + TZ,
    },
    {
        "id": "NT-2026-036",
        "title": "2027年度城乡居民医保集中缴费期将于12月25日截止",
        "body": "2027年度城乡居民基本医疗保险集中参保缴费期截至2026年12月25日。"
                "学生儿童、老年人和劳动年龄内居民请在截止日前完成缴费，逾期缴费的将设置待遇等待期。"
                "可在自助终端“医保缴费”、网上办事大厅或手机端缴费，也可到13-18号窗口咨询办理。",
        "level": "WARNING",
        "validFrom": "2026-11-15T00:00:00" + TZ,
        "validTo": "2026-12-25T23:59:59" + TZ,
    },
    {
        "id": "NT-2026-043",
        "title": "自助终端新增电子证照打印服务",
        "body": "即日起，大厅自助终端新增电子证照查询和打印服务：刷居民身份证（或港澳台居民居住证）"
                "即可查看本人名下的营业执照等电子证照，并在A4纸上打印。打印件附核验二维码，"
                "办事单位扫码即可核验真伪。打印免费，每证每日限打印3份。",
        "level": "INFO",
        "validFrom": "2026-11-28T00:00:00" + TZ,
        "validTo": "2027-01-31T23:59:59" + TZ,
    },
]


# ---------------------------------------------------------------------------------------------
# Enterprises (市场主体): name, type, legal representative, capital (万元), established, status,
# address, business scope
# ---------------------------------------------------------------------------------------------
APPROVAL = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
ENTERPRISES = [
    ("北京示远数据科技有限公司", "有限责任公司", "刘海川", 500, "2019-04-16", "存续", "北京市演示区示例大街18号3层302室",
     "技术开发、技术咨询、技术服务；软件开发；数据处理和存储支持服务；计算机系统服务"),
    ("北京青禾餐饮管理有限公司", "有限责任公司", "孙立群", 200, "2017-08-03", "存续", "北京市演示区东示范胡同12号",
     "餐饮服务；餐饮管理；食品销售（仅销售预包装食品）"),
    ("北京安和物业管理有限公司", "有限责任公司", "周建国", 300, "2011-05-27", "存续", "北京市演示区安和里5号楼1层",
     "物业管理；停车场服务；家政服务；城市绿化管理"),
    ("北京德润建筑工程有限公司", "有限责任公司", "吴德胜", 5000, "2006-09-12", "在业", "北京市演示区北新街66号",
     "施工总承包；专业承包；建筑材料销售；工程管理服务"),
    ("北京示范文化传媒有限公司", "有限责任公司", "郑文博", 100, "2020-10-09", "存续", "北京市演示区示例大街22号2层",
     "组织文化艺术交流活动；广告设计、代理；会议及展览服务；摄影扩印服务"),
    ("北京演云教育咨询有限公司", "有限责任公司", "冯晓云", 50, "2021-03-18", "存续", "北京市演示区学院胡同3号",
     "教育咨询服务（不含涉许可审批的教育培训活动）；文艺创作；体育健康服务"),
    ("北京康乐颐养养老服务有限公司", "有限责任公司", "何秀珍", 300, "2018-11-22", "存续", "北京市演示区康乐里9号",
     "养老服务；居家养老服务；健康咨询服务（不含诊疗服务）；家政服务"),
    ("北京嘉信会计服务有限公司", "有限责任公司", "许嘉文", 30, "2016-07-05", "存续", "北京市演示区示例大街40号6层",
     "代理记账；财务咨询；税务服务；企业管理咨询"),
    ("北京恒启商贸有限公司", "有限责任公司", "钱志恒", 100, "2015-04-20", "存续", "北京市演示区南市场街8号",
     "日用百货销售；五金产品零售；电子产品销售；针纺织品销售"),
    ("北京鼎盛装饰工程有限公司", "有限责任公司", "韩建军", 1000, "2013-08-15", "存续", "北京市演示区北新街102号",
     "住宅室内装饰装修；建筑装饰材料销售；家具安装和维修服务"),
    ("北京晨曦家政服务有限公司", "有限责任公司", "沈晨", 50, "2022-02-11", "存续", "北京市演示区晨光胡同7号",
     "家政服务；养老服务；专业保洁、清洗、消毒服务"),
    ("北京示例医药连锁有限公司", "有限责任公司", "杨素梅", 800, "2010-06-30", "存续", "北京市演示区示例大街56号",
     "药品零售；医疗器械销售；保健食品（预包装）销售；化妆品零售"),
    ("北京金桥人力资源有限公司", "有限责任公司", "马永刚", 200, "2019-09-02", "存续", "北京市演示区金桥路1号4层",
     "人力资源服务；劳务派遣服务；职业中介活动；企业管理咨询"),
    ("北京顺通汽车维修有限公司", "有限责任公司", "胡长顺", 100, "2012-12-06", "存续", "北京市演示区顺通路15号",
     "机动车修理和维护；汽车零配件零售；洗车服务"),
    ("北京翰墨书店有限公司", "有限责任公司", "林一鸣", 20, "2017-05-19", "存续", "北京市演示区文华街4号",
     "出版物零售；文具用品零售；工艺美术品销售；咖啡馆服务"),
    ("北京绿源环保科技有限公司", "有限责任公司", "高志远", 500, "2020-06-23", "存续", "北京市演示区绿源路28号",
     "再生资源回收（除生产性废旧金属）；环保咨询服务；技术推广服务"),
    ("北京云帆国际旅行社有限公司", "有限责任公司", "罗云帆", 300, "2016-03-14", "存续", "北京市演示区云帆大厦8层",
     "旅游业务；票务代理服务；会议及展览服务"),
    ("北京和煦口腔诊所有限公司", "有限责任公司", "梁雨晴", 200, "2023-04-07", "存续", "北京市演示区和平里东街11号",
     "诊所服务；健康咨询服务（不含诊疗服务）"),
    ("北京示例置业有限公司", "有限责任公司", "唐振华", 10000, "2008-01-25", "在业", "北京市演示区示例大街1号院",
     "房地产开发经营；物业管理；房地产经纪"),
    ("北京新街坊便利店有限公司", "有限责任公司", "谢新民", 10, "2014-10-11", "注销", "北京市演示区新街口东巷2号",
     "食品销售；日用百货销售；烟草制品零售"),
    ("北京鑫达物流有限公司", "有限责任公司", "董鑫", 100, "2011-03-09", "吊销", "北京市演示区鑫达路9号",
     "道路货物运输（不含危险货物）；国内货物运输代理；仓储服务"),
    ("北京示安消防技术有限公司", "有限责任公司", "曹示安", 500, "2018-02-26", "存续", "北京市演示区安定里17号",
     "消防技术服务；消防器材销售；安全咨询服务"),
    ("北京示例智能装备股份有限公司", "股份有限公司", "袁华东", 5000, "2012-03-20", "存续", "北京市演示区科创路8号",
     "智能机器人的研发；工业自动控制系统装置制造；技术进出口"),
    ("北京东方示范新材料股份有限公司", "股份有限公司", "邓健", 3000, "2015-07-08", "存续", "北京市演示区科创路12号",
     "新材料技术研发；合成材料销售；技术服务、技术开发"),
    ("北京华示健康科技股份有限公司", "股份有限公司", "彭立信", 2000, "2017-12-01", "存续", "北京市演示区健康路3号",
     "健康咨询服务（不含诊疗服务）；医学研究和试验发展；第二类医疗器械销售"),
    ("北京立信企业管理咨询中心", "个人独资企业", "潘立信", 10, "2016-08-19", "存续", "北京市演示区示例大街40号5层",
     "企业管理咨询；商务信息咨询（不含投资类咨询）；市场调查"),
    ("北京墨韵文化工作室", "个人独资企业", "蒋墨韵", 5, "2021-09-28", "存续", "北京市演示区文华街19号",
     "文艺创作；书法、绘画培训（不含学科类培训）；工艺美术品销售"),
    ("北京示远创业投资中心（有限合伙）", "合伙企业", "刘海川", 3000, "2020-01-15", "存续", "北京市演示区示例大街18号3层305室",
     "创业投资（限投资未上市企业）；以自有资金从事投资活动"),
    ("北京共筑企业管理咨询中心（有限合伙）", "合伙企业", "蔡文静", 100, "2022-06-06", "存续", "北京市演示区共和路2号",
     "企业管理咨询；信息咨询服务（不含许可类信息咨询服务）"),
    ("北京示例蔬菜种植专业合作社", "农民专业合作社", "田守业", 50, "2013-04-10", "存续", "北京市演示区东坝示例村156号",
     "组织成员种植蔬菜；采购、供应成员所需的农业生产资料；销售成员的农产品；开展与农业生产经营有关的技术培训"),
    ("北京金穗林果种植专业合作社", "农民专业合作社", "姜金穗", 80, "2019-03-22", "存续", "北京市演示区西岭示例村8号",
     "组织成员种植果树；收购、销售成员的果品；提供农业技术信息和咨询服务"),
    ("演示区大文港式茶餐厅", "个体工商户", "陈大文", 10, "2025-06-18", "存续", "北京市演示区示范路66号一层",
     "餐饮服务；食品销售（仅销售预包装食品）"),
    ("演示区老李修鞋铺", "个体工商户", "李长顺", 1, "2009-05-12", "存续", "北京市演示区南市场街3号",
     "鞋和皮革修理；钥匙配制"),
    ("演示区阿芳美发店", "个体工商户", "黄芳", 5, "2018-04-03", "存续", "北京市演示区和平里西街6号",
     "理发及美容服务"),
    ("演示区惠邻水果店", "个体工商户", "徐惠", 3, "2020-08-26", "存续", "北京市演示区惠民里2号楼底商",
     "新鲜水果零售；新鲜蔬菜零售；食品销售（仅销售预包装食品）"),
    ("演示区张记包子铺", "个体工商户", "张明元", 5, "2016-11-09", "存续", "北京市演示区示例大街30号",
     "餐饮服务（仅限简单制售）"),
    ("演示区诚信五金店", "个体工商户", "朱诚", 10, "2007-07-17", "在业", "北京市演示区北新街80号",
     "五金产品零售；电气设备销售；日用杂品销售"),
    ("演示区小雨花店", "个体工商户", "叶小雨", 2, "2023-02-14", "存续", "北京市演示区文华街8号",
     "花卉零售；礼品花卉销售；园艺产品销售"),
    ("演示区老街裁缝店", "个体工商户", "潘秀英", 1, "2010-09-01", "注销", "北京市演示区老街胡同21号",
     "服装制作；服装修补"),
    ("演示区好运来便利店", "个体工商户", "杜好运", 3, "2015-12-21", "吊销", "北京市演示区东示范胡同40号",
     "食品销售；日用百货销售"),
]
CREDIT_PREFIX = {"有限责任公司": "91", "股份有限公司": "91", "个人独资企业": "91", "合伙企业": "91",
                 "个体工商户": "92", "农民专业合作社": "93"}


def enterprises(rng):
    out, seen = [], set()
    for name, typ, rep, capital, established, status, address, scope in ENTERPRISES:
        while True:
            if typ != "个体工商户" and established < "2015-10-01":
                org8 = rng.choice("5678") + "".join(rng.choice("0123456789") for _ in range(7))  # a pre-2015 organisation code
            else:
                org8 = "MA0" + "".join(rng.choice(USCC_ALPHABET) for _ in range(5))
            code = make_uscc(CREDIT_PREFIX[typ], "110101", org8)
            if code not in seen:
                seen.add(code)
                break
        out.append({
            "creditCode": code,
            "name": name,
            "type": typ,
            "legalRepresentative": rep,
            "status": status,
            "registeredCapital": f"{capital}万元人民币",
            "establishedOn": established,
            "address": address,
            "businessScope": scope + "。" + APPROVAL,
            "authority": "演示区市场监督管理局",
        })
    return out


# ---------------------------------------------------------------------------------------------
# Citizens: the licences, applications and appointments of the cards in config/cards
# ---------------------------------------------------------------------------------------------
VERIFY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def verify_code(rng):
    return "".join(rng.choice(VERIFY_ALPHABET) for _ in range(4)) + "-" + "".join(rng.choice(VERIFY_ALPHABET) for _ in range(4))


def ts(s):
    return s + TZ


def citizens(rng, items_by_name, enterprise_list, sample, cards):
    def item(name):
        return items_by_name[name]

    def application(no, name, status, submitted, steps):
        it = item(name)
        start = datetime.date.fromisoformat(submitted[:10])
        return {
            "applicationNo": no,
            "itemId": it["id"],
            "itemName": it["name"],
            "status": status,
            "submittedAt": ts(submitted),
            "deadline": working_days_after(start, it["promisedLimitDays"]).isoformat(),
            "steps": [{"name": n, "at": ts(at), "by": by, "result": r} for n, at, by, r in steps],
        }

    def progress(app, next_step, result=None):
        app["nextStep"] = next_step
        if result is not None:
            app["result"] = result
        return app

    def appointment(booking_no, name, day, start=None, end=None):
        """Booked elsewhere (the hall's website): the simulator dates it from its own today when it starts
        (`day` 0: today, its start a little after the simulator's start, so that check-in is open; `day`
        N: the N-th open day after today, at start-end), and makes its id YY<date>-<HHmm>-<bookingNo>."""
        it = item(name)
        a = {"bookingNo": booking_no, "itemId": it["id"], "itemName": it["name"], "day": day}
        if start is not None:
            a["start"] = start
            a["end"] = end
        return a

    def person(card):
        """What the province app knows of the card's holder, as the card says it (the current address)."""
        kind = {"resident": "RESIDENT", "permit": "PERMIT"}.get(card["type"], "FOREIGN")
        out = {"idType": kind, "name": card.get("name") or card.get("chineseName") or card["englishName"],
               "sex": card["sex"].upper(), "birthDate": card["birthDate"]}
        address = card.get("appendedAddress") or card.get("address")
        if address:
            out["address"] = address
        return out

    def licence_data(number, name, kind, holder, form, premises, scope, on, authority, url, code):
        return {"creditCode": number, "businessName": name, "businessType": kind, "operator": {"name": holder},
                "form": form, "premises": premises, "scope": scope, "registeredOn": on, "authority": authority,
                "issuedOn": on, "verifyUrl": url + code, "verifyCode": code}

    resident = next(c for c in cards if c["type"] == "resident")
    permit = next(c for c in cards if c["type"] == "permit")
    foreign = next(c for c in cards if c["type"].startswith("foreign"))

    # A licence's `printable` says whether its kind can be printed at a kiosk; whether it can be now
    # follows from `status` and `reprint` too (the simulator answers that). `status`: WAITING (not
    # collected yet), COLLECTED (`collectedAt`), MAILED (`trackingNumber`); `reprint`: what a second
    # print of a collected one is, REFUSE or COPY (a marked copy).
    # -- the resident (王小明): the business licence of the template sample, the food business licence
    # of the same shop, his card for the elderly, his flat, his disability card
    property_code = verify_code(rng)
    disability_code = verify_code(rng)
    resident_licences = [
        {
            "licenceId": "DZZZ-110101-SJ-2026-000128",
            "type": "营业执照",
            "title": "营业执照（" + sample["businessName"] + "）",
            "issuer": sample["authority"],
            "issuedOn": sample["issuedOn"],
            "validUntil": None,
            "printable": True,
            "status": "WAITING",
            "reprint": "COPY",
            "template": "licence-example",
            "data": sample,
            "verificationCode": sample["verifyCode"],
        },
        {
            "licenceId": "DZZZ-110101-BDC-2019-004512",
            "type": "不动产权证书",
            "title": "不动产权证书 京（2019）演示区不动产权第0004512号",
            "issuer": "演示区不动产登记中心",
            "issuedOn": "2019-07-15",
            "validUntil": None,
            "printable": False,
            "status": "COLLECTED",
            "reprint": "REFUSE",
            "collectedAt": ts("2019-07-22T10:15:00"),
            "template": "licence-example",
            "data": {
                "creditCode": "京（2019）演示区不动产权第0004512号",
                "businessName": "不动产单元号 110101003012GB00045F00020502",
                "businessType": "国有建设用地使用权/房屋所有权",
                "operator": {"name": resident["name"]},
                "form": "单独所有",
                "premises": "北京市东城区示例大街1号3单元502室",
                "scope": "用途：住宅；房屋建筑面积68.42平方米；土地使用期限至2068年12月31日止",
                "registeredOn": "2019-07-15",
                "authority": "演示区不动产登记中心",
                "issuedOn": "2019-07-15",
                "verifyUrl": "https://bdc.example.gov.cn/v/" + property_code,
                "verifyCode": property_code,
            },
            "verificationCode": property_code,
        },
        {
            "licenceId": "DZZZ-110101-CL-2024-000376",
            "type": "残疾人证",
            "title": "中华人民共和国残疾人证（肢体残疾四级）",
            "issuer": "演示区残疾人联合会",
            "issuedOn": "2024-05-20",
            "validUntil": "2034-05-20",
            "printable": False,
            "status": "COLLECTED",
            "reprint": "REFUSE",
            "collectedAt": ts("2024-05-27T14:30:00"),
            "template": "licence-example",
            "data": {
                "creditCode": resident["idNumber"] + "44",
                "businessName": "中华人民共和国残疾人证",
                "businessType": "肢体残疾",
                "operator": {"name": resident["name"]},
                "form": "四级",
                "premises": resident["address"],
                "scope": "残疾类别：肢体；残疾等级：四级；有效期至2034年5月20日",
                "registeredOn": "2024-05-20",
                "authority": "演示区残疾人联合会",
                "issuedOn": "2024-05-20",
                "verifyUrl": "https://cdpf.example.gov.cn/v/" + disability_code,
                "verifyCode": disability_code,
            },
            "verificationCode": disability_code,
        },
    ]
    kiosk = "自助终端 DEMO-01"
    counter = "演示区政务服务中心 企业开办 19-24号窗口"
    resident_applications = [
        progress(application("SQ20261128000123", "个体工商户设立登记", "COMPLETED", "2026-11-28T09:12:05", [
            ("申请", "2026-11-28T09:12:05", kiosk, "已提交"),
            ("受理", "2026-11-28T09:12:41", "演示区市场监督管理局（智能审批）", "予以受理"),
            ("审核", "2026-11-28T09:13:20", "演示区市场监督管理局（智能审批）", "审核通过"),
            ("办结", "2026-11-28T09:15:02", "演示区市场监督管理局", "准予登记，已核发营业执照（电子证照可自助打印）"),
        ]), "已办结。营业执照可在自助终端打印，也可到企业开办窗口领取纸质执照",
            {"delivery": "COLLECT", "readyOn": "2026-11-28", "place": counter + "（也可在自助终端打印）"}),
        progress(application("SQ20261128000131", "食品经营许可（餐饮服务）", "APPROVED", "2026-11-28T09:40:10", [
            ("申请", "2026-11-28T09:40:10", kiosk, "已提交"),
            ("受理", "2026-11-28T09:41:02", "演示区市场监督管理局", "予以受理（告知承诺制）"),
            ("审核", "2026-11-28T10:05:37", "演示区市场监督管理局", "审核通过"),
            ("决定", "2026-11-28T10:20:15", "演示区市场监督管理局", "准予许可"),
            ("制证", "2026-11-28T10:31:48", "演示区市场监督管理局", "已制证，待领取"),
        ]), "请于2026年11月30日起携带身份证到企业开办窗口领取《食品经营许可证》，也可在自助终端打印",
            {"delivery": "COLLECT", "readyOn": "2026-11-30", "place": counter}),
        progress(application("SQ20261117000045", "残疾人辅助器具适配补贴申请", "IN_REVIEW", "2026-11-17T10:26:44", [
            ("申请", "2026-11-17T10:26:44", kiosk, "已提交"),
            ("受理", "2026-11-17T14:05:10", "演示区政务服务中心 综合受理3号窗口", "予以受理"),
            ("审核", "2026-11-19T09:30:00", "演示区残疾人联合会", "审核中：已转辅助器具评估机构上门评估"),
        ]), "辅助器具评估机构上门评估后，由演示区残疾人联合会审核，承诺于2026年12月15日前办结"),
        progress(application("SQ20261120000311", "高龄老年人津贴申领", "REJECTED", "2026-11-20T15:40:12", [
            ("申请", "2026-11-20T15:40:12", kiosk, "已提交"),
            ("受理审查", "2026-11-23T10:02:37", "演示区民政局", "不予受理：申请人未满80周岁，不符合高龄老年人津贴申领条件，可于年满80周岁当月起申领"),
            ("告知", "2026-11-23T10:05:12", "演示区民政局", "已短信告知申请人不予受理的理由"),
        ]), "本件已终结。年满80周岁当月起可再次申请"),
        progress(application("SQ20261109000058", "社会保障卡申领", "COMPLETED", "2026-11-09T15:20:33", [
            ("申请", "2026-11-09T15:20:33", kiosk, "已提交"),
            ("受理", "2026-11-10T09:12:40", "演示区人力资源和社会保障局", "予以受理"),
            ("制卡", "2026-11-17T16:45:00", "北京市社会保障卡服务中心", "社会保障卡已制成"),
            ("寄递", "2026-11-18T10:30:00", "中国邮政 EMS", "已交寄，运单号 117751118811"),
            ("办结", "2026-11-20T14:08:26", "中国邮政 EMS", "收件人已签收"),
        ]), "已办结。社会保障卡已寄到，请持卡到合作银行网点或自助终端启用",
            {"delivery": "POSTAL", "readyOn": "2026-11-18", "trackingNumber": "117751118811"}),
    ]
    resident_appointments = [
        appointment("017", "二手房转移登记", 0),
        appointment("023", "老年人能力综合评估申请", 2, "14:00", "14:30"),
    ]

    # -- the permit holder (陈大文, 港澳居民): his tea restaurant in 演示区
    shop = next(e for e in enterprise_list if e["legalRepresentative"] == permit["name"])
    shop_code = verify_code(rng)
    permit_licences = [{
        "licenceId": "DZZZ-110101-SJ-2025-004871",
        "type": "营业执照",
        "title": "营业执照（" + shop["name"] + "）",
        "issuer": shop["authority"],
        "issuedOn": shop["establishedOn"],
        "validUntil": None,
        "printable": True,
        "status": "COLLECTED",
        "reprint": "COPY",
        "collectedAt": ts("2025-06-20T10:05:31"),
        "template": "licence-example",
        "data": {
            "creditCode": shop["creditCode"],
            "businessName": shop["name"],
            "businessType": shop["type"],
            "operator": {"name": permit["name"]},
            "form": "个人经营",
            "premises": shop["address"],
            "scope": shop["businessScope"],
            "registeredOn": shop["establishedOn"],
            "authority": shop["authority"],
            "issuedOn": shop["establishedOn"],
            "verifyUrl": "https://gsxt.example.gov.cn/v/" + shop["creditCode"],
            "verifyCode": shop_code,
        },
        "verificationCode": shop_code,
    }]

    # -- more licences (their verification codes drawn after the ones above, which stay as they were)
    food_code = verify_code(rng)
    elderly_code = verify_code(rng)
    shop_food_code = verify_code(rng)
    resident_licences[1:1] = [
        {
            "licenceId": "DZZZ-110101-SJ-2026-000131",
            "type": "食品经营许可证",
            "title": "食品经营许可证（" + sample["businessName"] + "）",
            "issuer": sample["authority"],
            "issuedOn": "2026-11-28",
            "validUntil": "2031-11-27",
            "printable": True,
            "status": "WAITING",
            "reprint": "REFUSE",
            "template": "licence-example",
            "data": licence_data(
                "JY21101010043128", sample["businessName"], "食品经营许可证", resident["name"],
                "餐饮服务经营者（小型餐饮）", sample["premises"],
                "经营项目：热食类食品制售；预包装食品销售（不含冷藏冷冻食品）；有效期至2031年11月27日",
                "2026-11-28", sample["authority"], "https://spjy.example.gov.cn/v/", food_code),
            "verificationCode": food_code,
        },
        {
            "licenceId": "DZZZ-110101-MZ-2025-001207",
            "type": "老年人优待证",
            "title": "老年人优待证",
            "issuer": "演示区民政局",
            "issuedOn": "2025-01-06",
            "validUntil": None,
            "printable": True,
            "status": "WAITING",
            "reprint": "COPY",
            "template": "licence-example",
            "data": licence_data(
                "京老优110101-2025-001207", "老年人优待证", "老年人优待证", resident["name"], "75周岁以上",
                resident["appendedAddress"],
                "凭证享受公园、博物馆等门票减免，乘坐本市地面公交免费，医疗机构优先就诊等优待服务",
                "2025-01-06", "演示区民政局", "https://mz.example.gov.cn/v/", elderly_code),
            "verificationCode": elderly_code,
        },
    ]
    permit_licences.append({
        "licenceId": "DZZZ-110101-SJ-2025-004902",
        "type": "食品经营许可证",
        "title": "食品经营许可证（" + shop["name"] + "）",
        "issuer": shop["authority"],
        "issuedOn": "2025-06-25",
        "validUntil": "2030-06-24",
        "printable": True,
        "status": "MAILED",
        "reprint": "REFUSE",
        "trackingNumber": "117750625911",
        "template": "licence-example",
        "data": licence_data(
            "JY21101010031875", shop["name"], "食品经营许可证", permit["name"], "餐饮服务经营者（小型餐饮）",
            shop["address"], "经营项目：热食类食品制售；冷食类食品制售；预包装食品销售（含冷藏冷冻食品）；有效期至2030年6月24日",
            "2025-06-25", shop["authority"], "https://spjy.example.gov.cn/v/", shop_food_code),
        "verificationCode": shop_food_code,
    })
    permit_applications = [
        progress(application("SQ20261125000208", "灵活就业人员参保登记", "APPROVED", "2026-11-25T16:18:30", [
            ("申请", "2026-11-25T16:18:30", kiosk, "已提交"),
            ("受理", "2026-11-26T09:10:15", "演示区人力资源和社会保障局", "予以受理"),
            ("审核", "2026-11-26T15:32:48", "演示区人力资源和社会保障局", "审核通过，首次缴费到账后参保生效"),
        ]), "首次缴费到账后参保生效，社会保险费可在自助终端或税务窗口缴纳"),
    ]
    permit_appointments = [appointment("004", "食品经营许可变更", 1, "10:00", "10:30")]

    # -- the foreign permanent resident (玛丽亚): her Spanish driving licence
    foreign_applications = [
        progress(application("SQ20261127000087", "境外机动车驾驶证换领国内驾驶证", "RECEIVED", "2026-11-27T11:05:09", [
            ("申请", "2026-11-27T11:05:09", "网上政务服务大厅", "已提交，待窗口核验证件原件"),
        ]), "请按预约时间携带境外驾驶证原件及中文翻译件到综合受理窗口核验，核验后予以受理"),
    ]
    foreign_appointments = [appointment("009", "境外机动车驾驶证换领国内驾驶证", 3, "14:00", "14:30")]

    # -- social insurance dues (社保缴费): the residents' medical scheme for 2027 is collected from
    # September to December 2026, the pension scheme's 2026 year until the end of 2026. Amounts and
    # grades are fictitious (of the usual order of magnitude), in fen.
    drng = random.Random(20261207)  # apart from rng, so that the codes made above stay as they were

    def due(scheme, year, status, amount=0, grades=(), paid=None, note=None):
        code = {"RESIDENT_MEDICAL": "YB", "RESIDENT_PENSION": "YL"}[scheme]
        d = {"dueId": f"DUE-{code}-{year}-{drng.getrandbits(32):08X}", "scheme": scheme,
             "schemeName": SCHEME_NAMES[scheme], "year": year, "status": status, "amountFen": amount,
             "gradesFen": list(grades)}
        d["payFrom"], d["payUntil"] = ((f"{year - 1}-09-01", f"{year - 1}-12-31") if scheme == "RESIDENT_MEDICAL"
                                       else (f"{year}-01-01", f"{year}-12-31"))
        d["paidFen"] = 0
        if paid is not None:
            fen, at = paid
            d.update({"paidFen": fen, "paidAt": ts(at), "paymentId": f"PAY{drng.getrandbits(64):016X}"})
        if note is not None:
            d["note"] = note
        return d

    resident_dues = [
        due("RESIDENT_MEDICAL", 2027, "DUE", amount=38000),
        due("RESIDENT_MEDICAL", 2026, "PAID", amount=36000, paid=(36000, "2025-11-20T10:12:40")),
        due("RESIDENT_PENSION", 2026, "NOT_DUE", note="已按月领取城乡居民基本养老保险待遇，无需缴费"),
    ]
    permit_dues = [
        due("RESIDENT_PENSION", 2026, "DUE", grades=PENSION_GRADES_FEN),
        due("RESIDENT_MEDICAL", 2027, "PAID", amount=58000, paid=(58000, "2026-10-15T14:22:05")),
    ]
    foreign_dues = [due("RESIDENT_MEDICAL", 2027, "DUE", amount=58000)]

    return [
        {"idNumber": resident["idNumber"], **person(resident), "phone": "13800138000",
         "appLoginId": "zwapp-u-7c41e09b5d2a", "licences": resident_licences,
         "applications": resident_applications, "appointments": resident_appointments,
         "insuranceDues": resident_dues},
        {"idNumber": permit["idNumber"], **person(permit), "phone": "13911020588",
         "appLoginId": "zwapp-u-2f8d63a0c915", "licences": permit_licences,
         "applications": permit_applications, "appointments": permit_appointments,
         "insuranceDues": permit_dues},
        {"idNumber": foreign["number"], **person(foreign), "appLoginId": "zwapp-u-94be1d7730f6", "licences": [],
         "applications": foreign_applications, "appointments": foreign_appointments,
         "insuranceDues": foreign_dues},
    ]


SCHEME_NAMES = {"RESIDENT_MEDICAL": "城乡居民基本医疗保险", "RESIDENT_PENSION": "城乡居民基本养老保险"}
# The pension scheme's grades a citizen chooses from, 200 to 5000 yuan a year.
PENSION_GRADES_FEN = [20000, 30000, 50000, 80000, 100000, 150000, 200000, 300000, 400000, 500000]


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------
def check(data, sample_keys, cards):
    errors = []
    departments = data["departments.json"]["departments"]
    items = data["catalogue.json"]["items"]
    types = data["business-types.json"]["businessTypes"]
    dept_ids = [d["id"] for d in departments]
    type_codes = [t["code"] for t in types]

    def unique(what, values):
        seen = set()
        for v in values:
            if v in seen:
                errors.append(f"{what}: {v!r} twice")
            seen.add(v)

    unique("department id", dept_ids)
    unique("department name", [d["name"] for d in departments])
    unique("business type code", type_codes)
    unique("item id", [i["id"] for i in items])
    unique("item name", [i["name"] for i in items])
    unique("notice id", [n["id"] for n in data["notices.json"]["notices"]])
    if not 400 <= len(items) <= 500:
        errors.append(f"{len(items)} items, not 400-500")
    for i in items:
        where = f"{i['id']} {i['name']}"
        if i["departmentId"] not in dept_ids:
            errors.append(f"{where}: unknown department")
        elif i["departmentName"] != departments[dept_ids.index(i["departmentId"])]["name"]:
            errors.append(f"{where}: department name")
        if not i["id"].startswith(i["departmentId"] + "-"):
            errors.append(f"{where}: id not under its department")
        if i["businessType"] not in type_codes:
            errors.append(f"{where}: unknown business type {i['businessType']}")
        if not 1 <= i["legalLimitDays"] <= 60 or not 1 <= i["promisedLimitDays"] <= i["legalLimitDays"]:
            errors.append(f"{where}: limits {i['legalLimitDays']}/{i['promisedLimitDays']}")
        if not 1 <= len(i["materials"]) <= 5:
            errors.append(f"{where}: {len(i['materials'])} materials")
        unique(f"{where} material", [m["name"] for m in i["materials"]])
        if len(i["lifeEvents"]) > 3 or any(e not in LIFE_EVENTS for e in i["lifeEvents"]):
            errors.append(f"{where}: life events {i['lifeEvents']}")
        if (i["feeFen"] == 0) != (i["feeNote"] == ""):
            errors.append(f"{where}: fee and fee note")
        if i["trips"] == "ZERO" and i["appointable"]:
            errors.append(f"{where}: appointable without a trip")
    for e in data["enterprises.json"]["enterprises"]:
        for p in uscc_problems(e["creditCode"]):
            errors.append(f"{e['name']} {e['creditCode']}: {p}")
        expected = CREDIT_PREFIX[e["type"]]
        if e["creditCode"][:2] != expected or e["creditCode"][2:8] != "110101":
            errors.append(f"{e['name']}: credit code prefix")
    unique("credit code", [e["creditCode"] for e in data["enterprises.json"]["enterprises"]])
    if len(data["enterprises.json"]["enterprises"]) not in (40, 41):
        errors.append("not 40 enterprises (41 with the sample licence's business)")
    by_id = {i["id"]: i for i in items}
    card_numbers = {c.get("idNumber") or c.get("number"): c for c in cards}
    for c in data["citizens.json"]["citizens"]:
        card = card_numbers.get(c["idNumber"])
        if card is None:
            errors.append(f"citizen {c['idNumber']}: no such card")
            continue
        holder = card.get("name") or card.get("chineseName")
        for l in c["licences"]:
            if set(l["data"]) != sample_keys:
                errors.append(f"{l['licenceId']}: data keys {sorted(l['data'])}")
            if l["data"]["operator"]["name"] != holder:
                errors.append(f"{l['licenceId']}: holder {l['data']['operator']['name']} is not {holder}")
            if l["data"]["verifyCode"] != l["verificationCode"]:
                errors.append(f"{l['licenceId']}: verification code")
        for a in c["applications"] + c["appointments"]:
            it = by_id.get(a["itemId"])
            if it is None or it["name"] != a["itemName"]:
                errors.append(f"{c['idNumber']}: item {a['itemId']} {a['itemName']}")
        for a in c["appointments"]:
            it = by_id[a["itemId"]]
            if not it["appointable"]:
                errors.append(f"{a['bookingNo']}: {it['name']} is not appointable")
            if not 0 <= a["day"] <= 5:
                errors.append(f"{a['bookingNo']}: day {a['day']}, not 0 (today) to 5 open days ahead")
            if a["day"] == 0 and "start" in a:
                errors.append(f"{a['bookingNo']}: today's appointment starts when the simulator starts")
            if a["day"] > 0 and {"start": a.get("start"), "end": a.get("end"), "capacity": 4} not in CALENDAR["slots"]:
                errors.append(f"{a['bookingNo']}: not a slot of the calendar")
        if sum(a["day"] == 0 for a in c["appointments"]) > 1:
            errors.append(f"{c['idNumber']}: more than one appointment today")
        for f in ("idType", "name", "sex", "birthDate", "appLoginId"):
            if not c.get(f):
                errors.append(f"{c['idNumber']}: no {f}")
        if c.get("name") != holder or c.get("birthDate") != card["birthDate"]:
            errors.append(f"{c['idNumber']}: not the card's name and birth date")
        for l in c["licences"]:
            status = l.get("status")
            if status not in ("WAITING", "COLLECTED", "MAILED") or l.get("reprint") not in ("REFUSE", "COPY"):
                errors.append(f"{l['licenceId']}: status {status}, reprint {l.get('reprint')}")
            if ("collectedAt" in l) != (status == "COLLECTED") or ("trackingNumber" in l) != (status == "MAILED"):
                errors.append(f"{l['licenceId']}: collectedAt only when COLLECTED, trackingNumber only when MAILED")
        for a in c["applications"]:
            r = a.get("result")
            if not a.get("nextStep"):
                errors.append(f"{a['applicationNo']}: no nextStep")
            if r is not None and not (
                    (r["delivery"] == "COLLECT" and r.get("place") and "trackingNumber" not in r)
                    or (r["delivery"] == "POSTAL" and r.get("trackingNumber") and "place" not in r)):
                errors.append(f"{a['applicationNo']}: result {r}")
        for d in c.get("insuranceDues", []):
            name = d["dueId"]
            if d["scheme"] not in SCHEME_NAMES or d["schemeName"] != SCHEME_NAMES[d["scheme"]]:
                errors.append(f"{name}: scheme {d['scheme']} {d['schemeName']}")
            if c["idNumber"] in name or d["payFrom"] > d["payUntil"]:
                errors.append(f"{name}: names the citizen, or its period ends before it starts")
            if d["gradesFen"] != sorted(set(d["gradesFen"])) or (d["amountFen"] > 0) == bool(d["gradesFen"]) \
                    and d["status"] != "NOT_DUE":
                errors.append(f"{name}: a fixed amount or grades (ascending), not both nor neither")
            accepted = d["gradesFen"] if d["gradesFen"] else [d["amountFen"]]
            if d["status"] == "PAID" and not (d["paidFen"] in accepted and d.get("paidAt") and d.get("paymentId")):
                errors.append(f"{name}: paid without an accepted amount, a time and a payment")
            if d["status"] != "PAID" and (d["paidFen"] or "paidAt" in d or "paymentId" in d):
                errors.append(f"{name}: paid fields on a due not paid")
            if (d["status"] == "NOT_DUE") != ("note" in d):
                errors.append(f"{name}: a note exactly when nothing is due")
            if d["status"] not in ("DUE", "PAID", "NOT_DUE"):
                errors.append(f"{name}: status {d['status']}")
    unique("due id", [d["dueId"] for c in data["citizens.json"]["citizens"] for d in c.get("insuranceDues", [])])
    dues = [d for c in data["citizens.json"]["citizens"] for d in c.get("insuranceDues", [])]
    if not any(d["status"] == "DUE" and d["gradesFen"] for d in dues) or not any(
            d["status"] == "DUE" and not d["gradesFen"] for d in data["citizens.json"]["citizens"][0]["insuranceDues"]):
        errors.append("the first citizen needs a due of a fixed amount, and a citizen a due with grades")
    first = data["citizens.json"]["citizens"][0]
    waiting = [l for l in first["licences"] if l["printable"] and l["status"] == "WAITING"]
    if (len({l["type"] for l in waiting}) < 3 or {l["reprint"] for l in waiting} != {"REFUSE", "COPY"}
            or all(l["printable"] for l in first["licences"])):
        errors.append("the first citizen needs three printable WAITING licences of different kinds, reprint COPY "
                      "and REFUSE among them, and one the kiosk cannot print")
    if [a["day"] for a in first["appointments"]].count(0) != 1 or max(a["day"] for a in first["appointments"]) < 1:
        errors.append("the first citizen needs an appointment today and one on a later day")
    if {a["status"] for a in first["applications"]} < {"IN_REVIEW", "APPROVED", "COMPLETED"}:
        errors.append("the first citizen needs applications in review, approved and completed")
    unique("licence id", [l["licenceId"] for c in data["citizens.json"]["citizens"] for l in c["licences"]])
    unique("verification code", [l["verificationCode"] for c in data["citizens.json"]["citizens"] for l in c["licences"]])
    unique("application number", [a["applicationNo"] for c in data["citizens.json"]["citizens"] for a in c["applications"]])
    unique("booking number", [a["bookingNo"] for c in data["citizens.json"]["citizens"] for a in c["appointments"]])
    unique("app login id", [c["appLoginId"] for c in data["citizens.json"]["citizens"]])
    return errors


def main():
    repo = HERE.parent.parent
    sample = json.loads((repo / "templates/licence-example.sample.json").read_text(encoding="utf-8"))
    cards = json.loads((repo / "config/cards/demo-cards.json").read_text(encoding="utf-8"))
    rng = random.Random(20261128)
    departments, items = parse_catalogue(ITEMS)
    attach_forms(items)
    enterprise_list = enterprises(rng)
    if not uscc_problems(sample["creditCode"]):
        # The business of the template's sample licence, so that an enterprise query finds it too.
        enterprise_list.append({
            "creditCode": sample["creditCode"], "name": sample["businessName"], "type": sample["businessType"],
            "legalRepresentative": sample["operator"]["name"], "status": "存续", "registeredCapital": "",
            "establishedOn": sample["registeredOn"], "address": sample["premises"], "businessScope": sample["scope"],
            "authority": sample["authority"]})
    data = {
        "departments.json": {"departments": departments},
        "catalogue.json": {"items": items},
        "business-types.json": {"businessTypes": BUSINESS_TYPES},
        "notices.json": {"notices": NOTICES},
        "enterprises.json": {"enterprises": enterprise_list},
        "citizens.json": {"citizens": citizens(rng, {i["name"]: i for i in items}, enterprise_list, sample, cards)},
        "appointment-calendar.json": CALENDAR,
    }
    errors = check(data, set(sample), cards) + check_forms(items)

    demo = sample["creditCode"]
    demo_problems = uscc_problems(demo)
    print(f"{demo} (templates/licence-example.sample.json): " + ("valid" if not demo_problems else "NOT valid: " + "; ".join(demo_problems)))

    counts = {}
    for i in items:
        counts[i["departmentId"]] = counts.get(i["departmentId"], 0) + 1
    kiosk = sum(i["kioskCapable"] for i in items)
    trips = {t: sum(i["trips"] == t for i in items) for t in TRIPS.values()}
    print(f"{len(departments)} departments, {len(items)} items ({min(counts.values())}-{max(counts.values())} a department), "
          f"kiosk capable {kiosk} ({100 * kiosk / len(items):.0f}%), appointable {sum(i['appointable'] for i in items)}, "
          f"trips {trips}, with a fee {sum(i['feeFen'] > 0 for i in items)}")
    print(f"{len(FORMS)} kiosk forms ({sum(len(f) for f in FORMS.values())} fields), "
          f"{sum(m['electronic'] for i in items for m in i['materials'])} electronic materials")
    print(f"{len(enterprise_list)} enterprises, every credit code checked; {len(NOTICES)} notices; "
          f"{len(BUSINESS_TYPES)} business types; {len(CALENDAR['slots'])} slots a day")
    if errors:
        print("\n".join("ERROR " + e for e in errors), file=sys.stderr)
        sys.exit(1)
    if "--check" in sys.argv:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in data.items():
        (OUT / name).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {OUT.relative_to(repo)}")


if __name__ == "__main__":
    main()
