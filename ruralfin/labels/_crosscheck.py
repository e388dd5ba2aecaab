"""三维度交叉验证（ruralfin.risk.crosscheck）输出的列、不一致说明的句子模板与图表文字。

比值类的列（``*_ratio``）是“自报 ÷ 该来源估计”，1 表示一致；比例类的列在 0–1 之间。
"""

from . import Field

#: 来源代码的中文名；ruralfin.risk.crosscheck.SOURCE_NAMES 由它派生。
_SOURCES = {"flow": "银行流水", "electricity": "电表", "water": "水表", "tax": "纳税申报"}

FIELDS = [
    # ---- 各来源估计（flow_revenue / utility_revenue / tax_revenue）
    Field("flow_months", "流水月数", unit="月", meaning="核对窗口内有我行流水的月份数"),
    Field("inflow_annual", "年化流入", unit="万元", meaning="核对窗口内经我行账户的月均流入 × 12"),
    Field("share_with_us", "经我行结算比例", meaning="主体的非现金收款中经我行账户的比例（代理值，如客户自报），0–1"),
    Field("cash_share", "现金收款比例", meaning="收款中现金所占比例，0–1；现金不经过任何银行账户"),
    Field("flow_revenue", "流水还原收入", unit="万元",
          meaning="(月均流入 − 非经营性流入) × 12 ÷ [(1 − 现金收款比例) × 经我行结算比例]"),
    Field("electricity_months", "电表读数月数", unit="月", meaning="核对窗口内有用电读数的月份数"),
    Field("electricity_kwh_annual", "年化用电量", unit="千瓦时", meaning="核对窗口内月均用电量 × 12"),
    Field("electricity_revenue", "电表换算收入", unit="万元",
          meaning="(月均用电 − 生活用电基数) × 12 × 行业每千瓦时营业收入 ÷ 10000"),
    Field("water_months", "水表读数月数", unit="月", meaning="核对窗口内有用水读数的月份数"),
    Field("water_tons_annual", "年化用水量", unit="吨", meaning="核对窗口内月均用水量 × 12"),
    Field("water_revenue", "水表换算收入", unit="万元",
          meaning="(月均用水 − 生活用水基数) × 12 × 行业每吨水营业收入 ÷ 10000"),
    Field("tax_quarters", "纳税季度数", unit="个", meaning="核对窗口内有纳税申报（非定额征收）的季度数"),
    Field("tax_revenue", "纳税申报收入", unit="万元", meaning="核对窗口内季度申报收入的均值 × 4；申报往往偏低，可作下限参考"),
    # ---- 合并与标记（combine_revenue / flag_revenue）
    Field("n_sources", "可用来源数", unit="个", meaning="有有效估计的独立来源个数（银行流水、电表、水表、纳税）"),
    Field("verified_revenue", "核实收入", unit="万元", meaning="各可用独立来源估计的中位数"),
    Field("flow_ratio", "自报 ÷ 流水还原", meaning="自报收入 ÷ 流水还原收入；1 表示一致"),
    Field("electricity_ratio", "自报 ÷ 电表换算", meaning="自报收入 ÷ 电表换算收入；1 表示一致"),
    Field("water_ratio", "自报 ÷ 水表换算", meaning="自报收入 ÷ 水表换算收入；1 表示一致"),
    Field("tax_ratio", "自报 ÷ 纳税申报", meaning="自报收入 ÷ 纳税申报收入；1 表示一致"),
    Field("verified_ratio", "自报 ÷ 核实", meaning="自报收入 ÷ 核实收入；超出 1 ± 容差即标记"),
    Field("checkable", "可核对", meaning="自报收入有效且可用来源数达到要求", values={True: "是", False: "否"}),
    Field("n_disagree", "对不上的来源数", unit="个", meaning="单独看已超出容差的来源个数"),
    Field("disagreeing_sources", "对不上的来源", meaning="单独看已超出容差的来源代码，用“;”连接",
          values=_SOURCES),
    Field("flag", "标记为不一致", meaning="可核对且 自报 ÷ 核实收入 超出容差", values={True: "是", False: "否"}),
    Field("flag_reason", "不一致说明", meaning="给客户经理看的中文说明：偏离倍数与对不上的来源"),
    # ---- 对照真相（flag_metrics / tolerance_sweep）
    Field("tolerance", "容差", meaning="允许自报高出（或低于）独立来源估计的幅度，0.3 表示 30%"),
    Field("n_flagged", "标记户数", unit="户", meaning="被标记为不一致的主体数"),
    Field("n_positive", "真有问题户数", unit="户", meaning="真实结论为有问题（如虚报收入）的主体数"),
    Field("true_positives", "抓到的", unit="户", meaning="被标记且真有问题的主体数"),
    Field("false_positives", "误报的", unit="户", meaning="被标记但其实没有问题的主体数"),
    Field("false_negatives", "漏掉的", unit="户", meaning="真有问题却没被标记的主体数"),
    Field("precision", "查准率", meaning="抓到的 ÷ 标记户数，0–1", table="crosscheck"),
    Field("recall", "查全率", meaning="抓到的 ÷ 真有问题户数，0–1", table="crosscheck"),
    Field("f1", "F1", meaning="查准率与查全率的调和平均，0–1", table="crosscheck"),
    Field("base_rate", "基准率", meaning="真有问题户数 ÷ 主体数：随机抽查时的查准率", table="crosscheck"),
    Field("flag_rate", "标记率", meaning="标记户数 ÷ 主体数，0–1", table="crosscheck"),
]

#: 不一致说明（flag_revenue 的 flag_reason 列）的句子模板与两张图的文字（labels.text(键)）。
TEXTS = {
    # ---- 不一致说明
    "crosscheck.reason_no_reported": "自报收入缺失或不大于 0，无法核对",
    "crosscheck.reason_few_sources": "可用的独立来源只有 {n} 个（要求至少 {min_sources} 个），未下结论",
    "crosscheck.reason_flag": "自报 {reported:.1f} 万元，是核实收入 {verified:.1f} 万元的 {ratio:.2f} 倍（容差 ±{tolerance}，{side}）；{detail}",
    "crosscheck.reason_sources": "对不上的来源：{parts}",
    "crosscheck.reason_combined": "各来源单看都在容差内，合起来偏离",
    "crosscheck.reason_source_part": "{source} {ratio:.2f} 倍",
    "crosscheck.direction_over": "高报",
    "crosscheck.direction_under": "低报",
    # ---- 散点图（plot_crosscheck）
    "crosscheck.plot_title": "自报收入 vs 核实收入（对数坐标）",
    "crosscheck.plot_unflagged": "未标记",
    "crosscheck.plot_flagged": "标记为不一致",
    "crosscheck.plot_diagonal": "自报 = 核实",
    "crosscheck.plot_band": "容差带（±{tolerance:.0%}）",
    # ---- 容差取舍图（plot_tolerance_sweep）
    "crosscheck.sweep_caught": "抓到的虚报户",
    "crosscheck.sweep_false_alarms": "误报的如实户",
    "crosscheck.sweep_counts_ylabel": "户数（户）",
    "crosscheck.sweep_counts_title": "容差越宽：误报少了，漏掉的虚报户也多了",
    "crosscheck.sweep_base_rate": "基准率（随机抽查的查准率）",
    "crosscheck.sweep_rates_ylabel": "比例（%）",
    "crosscheck.sweep_rates_title": "容差与查准率、查全率",
    "crosscheck.sweep_current": "当前容差 {tolerance:.0%}",
    "crosscheck.sweep_xlabel": "容差（%，自报可高出核实收入的幅度）",
}
