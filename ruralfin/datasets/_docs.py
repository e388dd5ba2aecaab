"""数据字典 ``data/README.md`` 的生成：表清单 + 生成故事 + 每张表每一列的说明。

``python -m ruralfin.datasets._docs`` 重写 ``data/README.md``；测试检查文件与渲染结果一致。
"""

from __future__ import annotations

from pathlib import Path

from . import _story as story
from ._defaults import DEFAULT_N, DEFAULT_SEED, GENERATOR_VERSION
from ..schema import AS_OF, TABLES

STORY = f"""\
## 生成故事（讲师可据此解释数据从何而来）

示范县是 **虚构** 的：所有数字都由 `ruralfin.make_county(n_entities, random_state)` 按下面的故事
确定地生成，同样的参数在任何机器上都得到同样的表。随包数据是默认参数（{DEFAULT_N:,} 个经营主体、
种子 {DEFAULT_SEED}、生成器版本 {GENERATOR_VERSION}）的一次运行；数据截止日为 {AS_OF}，
月度数据覆盖 2023-01 至 2025-12（36 个月）。这里的份额、规模、系数都是教学用的 **假设参数**，
不是统计数据。

1. **地理与机构。** 12 个乡镇、168 个行政村（地名虚构），青禾镇为县城所在镇；每个乡镇有一个我行网点
   （青禾镇为营业部）。县内有我行“示范县农商银行”和五家同业，同业只用类型代称（同业甲＝国有大行县支行、
   同业乙＝邮储类、同业丙＝村镇银行、同业丁＝互联网银行、同业戊＝城商行县支行）。产品名称都带“示范·”
   或“同业X·”前缀，是虚构的。
2. **经营主体。** 五类客群的份额约为：三农个体户（农户）45%、个体工商户 36%、农村小微企业 8%、
   农村新型经济组织 7%、农村合作社 4%。客群决定行业分布（农户八成以上从事涉农生产加工，个体工商户以批发零售、
   餐饮、服务为主），行业再细分为 17 个细分行业。年营业收入按客群取对数正态分布，中位数约为：农户 9 万元、
   个体工商户 32 万元、新型经济组织 70 万元、合作社 150 万元、小微企业 320 万元。
3. **隐藏特质（真相）。** 每个主体有经营质量（与乡镇经济、经营者学历相关）、诚信度、对行业冲击的敏感度。
   违约倾向由经营质量、诚信度、负债率、客群和细分行业共同决定（批发建材、建筑装修、农家乐、餐馆、畜禽养殖、
   电商等较弱）。这些只出现在 `truth_*` 表里，特征表里没有。
4. **月度销售。** 真实月销售 = 基础规模 × 细分行业季节性（夏粮 6 月、秋粮 9–10 月、果蔬 7–9 月、
   农资 3–4 月春耕与 9–10 月秋种、餐饮与零售在春节、电商 11 月等）× 春节效应（2023 年 1 月、2024 年 2 月、2025 年 1 月）× 行业趋势 ×
   随机波动 × 行业冲击 × 困境前的下滑。虚构的行业冲击：{'；'.join(story.SHOCK_TEXT[sub] for sub in dict.fromkeys(shock[0] for shock in story.SHOCKS))}。
5. **虚报收入。** 诚信度低的经营者更可能虚报：约一成半主体是“虚报者”，多数把收入报高（自报为真实收入的
   1.25–3 倍），少数（个体户、小微企业里约三分之一，其他客群约一成）为少缴税做低账面、报低到真实收入的
   45%–80%，纳税申报同样少报（`truth_misreport_ratio` 小于 1）；其余如实申报（±5% 左右）。村里口碑与虚报
   有关但很嘈杂（口碑“差”的约一半虚报，“很好”的也有几个百分点）。`entities.reported_revenue`、`risk_return.revenue`、
   `sales_monthly`、`applications.reported_revenue` 都是申报口径。
6. **三方数据。** 用电、用水量 = 真实销售 ÷ 行业系数 × 主体自身的偏差（多数在 ±25% 内）+ 经营户号上少量的非经营用量；
   纳税按征收方式（定期定额户只按核定额，小规模、一般纳税人略有少报）；我行账户流水 = 真实销售 ×
   非现金比例 × 经我行结算的份额 × 随机波动 + 不是每月都有的个人流入；种养户的收款集中在收获、出栏的月份，
   淡季整月没有收款；不借款、我行不是主办行的客户有一部分成为睡眠账户（某月以后不再有流入）；经营差的主体
   存款沉淀薄。靠贷款进来的新客户有一部分只用还款账户、不持有我行存款产品。`industry_coefficients` 给出把用电、用水、纳税换算成收入的
   行业经验系数，所以三维交叉验证能找出大部分虚报者，但不会全对。
7. **困境与违约。** 每个主体按违约倾向（行业冲击期内更高）随时可能陷入困境：多数困境 1–3 个月后恢复
   （贷款短期逾期后补还），一部分滚成违约（逾期天数每月增加约 30 天，超过 90 天即不良）。违约前 3–6 个月
   销售、用电通常先下滑，我行流水的征兆更早（违约前 4–12 个月起经我行的收款减少、存款被取走、流出多于流入，
   约一成违约户流水没有征兆），常伴有他行逾期、欠缴水电费等外部事件；约三成违约事先没有征兆。担保圈里
   有人违约后，其他成员在 1–6 个月内陷入困境的概率明显上升。
8. **信贷流程。** 有贷款需求的主体向我行申请（已开户的为主，也有靠贷款进来的新客户）；我行按可见信息
   （征信、走访、流水等）审批，约四分之三通过；到期后多数续贷（到期当月签新合同，续贷标为 `is_renewal`）。
   首次申请最早在 2020 年，所以 2023-01 账上已有 2020–2022 年发放的 **存量贷款**（`loans` 里放款日期早于 2023 年的），
   余额按还款方式摊还（等额本息、等额本金逐月减少，按期付息到期还本的到期一次还清，循环贷款随借随还）。
   贷款金额按自报营业收入的一定比例申请（教学假设），农户笔均约 10 万元、个体工商户和小微企业向几十万元靠拢。
   合同利率 = 放款当月的 1 年期 LPR + 按客群、担保方式（抵押 < 保证 < 信用）和审批评分的加点（加点是教学假设），
   取到 0.05 个百分点。违约贷款约 {story.RESTRUCTURE_SHARE:.0%} 重组（重组后 {story.RESTRUCTURE_OBSERVATION_MONTHS} 个月的观察期内 `is_restructured` 为是，至少关注类），
   没重组的和重组后再次违约的，多数在违约后约 {story.WRITE_OFF_AFTER_MONTHS[0]}–{story.WRITE_OFF_AFTER_MONTHS[1] - 1} 个月核销（`is_written_off`，从核销当月起不在月度表；
   核销后继续追偿，一部分追回，`recovered_after_write_off`，即“账销案存”），其余清收结清。短期困境后恢复的
   贷款多数调整还款计划，也按重组管理，所以关注类余额高于不良余额。
   `applications.bad_12m` 是放款后 12 个月内是否 90 天以上逾期，只在观察满 12 个月的申请（2024-12 及以前）上有值，
   2025 年的申请为空；`truth_applications`、`truth_loans` 的 `truth_prob_default` 是同一事件的真实概率，
   在已观察满 12 个月的申请上，其均值与实际的 bad_12m 比例只差抽样误差。`sample` 把申请分为开发、验证、近期三段，
   近期申请人更多来自手机银行、更年轻、征信查询更多（用于 PSI）。
9. **强弱特征。** 申请表里既有强特征（走访评价、征信最长逾期），也有中等（征信查询次数、流水趋势、
   日均存款、他行负债），弱特征（经营年限、年龄、社保），以及基本无用的（申请星期、申请时刻、家庭人口），
   部分特征按真实情况缺失（非我行客户没有流水，未走访没有评价，白户没有征信逾期记录）。
10. **个人信息。** 姓名带“演示·”前缀，主体名带“示例”前缀；身份证号和统一社会信用代码的校验位正确，
    但地址码/行政区划码以未分配的 99 开头；手机号以 100 开头。`rf.to_display` 默认遮蔽这些列。
"""


def render() -> str:
    """渲染数据字典的 Markdown 文本。"""
    from ._load import describe_dataset

    import json
    from importlib import resources

    man = json.loads(resources.files("ruralfin.datasets").joinpath("files", "manifest.json").read_text(encoding="utf-8"))
    lines = [
        "# 示范县数据字典",
        "",
        "本文件由 `python -m ruralfin.datasets._docs` 从标签登记处（`ruralfin/labels/_county.py`）与表结构"
        "（`ruralfin/schema.py`）生成，请勿手工修改；测试会检查二者一致。",
        "",
        "在 notebook 里：`rf.datasets.list_datasets()` 列出全部表，`rf.datasets.load_dataset(\"loans\")` 加载一张表，"
        "`rf.datasets.describe_dataset(\"loans\")` 查看一张表的字典。数据随包安装（`ruralfin/datasets/files/`），"
        "从任何目录都能加载。",
        "",
        "约定：金额单位为 **万元**（客单价、公积金为元）；利率为年化百分数（4.35 即 4.35%）；概率、占比为 0–1 的小数；"
        "`month` 为月末日期。",
        "",
        "## 表清单",
        "",
        "| 表名 | 中文标题 | 行数 | 主键 | 说明 |",
        "|---|---|---:|---|---|",
    ]
    for t in TABLES.values():
        rows = man["tables"].get(t.name, {}).get("rows", 0)
        lines.append(f"| `{t.name}` | {t.title} | {rows:,} | {', '.join(t.key)} | {t.description} |")
    lines += ["", STORY, "## 各表字段", ""]
    for t in TABLES.values():
        lines += [f"### `{t.name}` — {t.title}", "", t.description, ""]
        d = describe_dataset(t.name)
        lines.append("| 列名 | 中文名 | 单位 | 类型 | 取值 | 含义 |")
        lines.append("|---|---|---|---|---|---|")
        for r in d.itertuples(index=False):
            vals = str(r[5]).replace("|", "/")
            lines.append(f"| `{r[0]}` | {r[1]} | {r[2]} | {r[4]} | {vals} | {str(r[3]).replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write(path: Path | None = None) -> Path:
    p = path or Path(__file__).resolve().parents[2] / "data" / "README.md"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(render(), encoding="utf-8")
    return p


if __name__ == "__main__":
    print(write())
