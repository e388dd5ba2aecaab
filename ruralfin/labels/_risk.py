"""风险模型（分箱、WoE/IV、评分卡、区分度与稳定性指标）输出的列与图表文字。

比例类的列（obs_share、bad_rate 等）取值在 0–1 之间，不是百分数。
"""

from . import Field

_BIN_VALUES = {"missing": "缺失", "unseen": "未见过的类别"}

FIELDS = [
    # ---- 分箱表 / IV 汇总（ruralfin.risk.binning）
    Field("feature", "特征", meaning="参与分箱或建模的变量（列名）"),
    Field("feature", "特征", meaning="评分卡的特征；intercept 行是基础分（由截距换算）", table="scorecard",
          values={"intercept": "基础分"}),
    Field("bin", "分箱", meaning="数值特征为左闭右开区间，类别特征为该箱包含的类别；缺失、特殊值单独成箱",
          values=_BIN_VALUES),
    Field("bin_type", "箱类型", meaning="普通箱、特殊值箱、缺失箱，或转换时遇到训练中没见过的类别所用的箱",
          values={"regular": "普通", "special": "特殊值", "missing": "缺失", "unseen": "未见过的类别",
                  "base": "基础分"}),
    Field("n_obs", "样本数", meaning="落在该箱（或该档）的样本个数"),
    Field("obs_share", "样本占比", meaning="该箱（或该档）样本数占全部样本的比例，0–1"),
    Field("n_good", "好样本数", meaning="目标为 0（未违约）的样本个数"),
    Field("n_bad", "坏样本数", meaning="目标为 1（违约）的样本个数"),
    Field("bad_rate", "坏样本率", meaning="坏样本数 ÷ 样本数，0–1"),
    Field("bad_share", "坏样本占比", meaning="该箱坏样本数 ÷ 全部坏样本数"),
    Field("good_share", "好样本占比", meaning="该箱好样本数 ÷ 全部好样本数"),
    Field("woe", "WoE", meaning="证据权重 = ln(坏样本占比 ÷ 好样本占比)；越大越危险"),
    Field("iv", "IV", meaning="信息值 = Σ(坏样本占比 − 好样本占比) × WoE；分箱表中为该箱的贡献"),
    Field("iv_strength", "预测力", meaning="按 IV 经验阈值 0.02/0.1/0.3/0.5 的解读",
          values={"useless": "无用", "weak": "弱", "medium": "中", "strong": "强", "suspicious": "可疑"}),
    Field("feature_type", "特征类型", meaning="数值特征或类别特征",
          values={"numeric": "数值", "categorical": "类别"}),
    Field("n_bins", "箱数", meaning="普通箱的个数（不含缺失箱、特殊值箱）"),
    Field("monotonic_trend", "单调方向", meaning="坏样本率随特征取值变化的方向",
          values={"ascending": "递增", "descending": "递减", "none": "不要求单调",
                  "bad_rate_order": "按坏样本率排序"}),
    # ---- 评分卡（ruralfin.risk.scorecard）
    Field("coefficient", "系数", meaning="逻辑回归中该特征 WoE 的系数（intercept 行为截距）"),
    Field("points", "得分", unit="分", meaning="评分卡分数或某一箱的得分；分数越高风险越低"),
    Field("base_points", "基础分", unit="分", meaning="由截距换算的基础分，每位客户都有"),
    Field("parameter", "参数", meaning="评分卡的刻度参数", table="scorecard",
          values={"base_points": "基准分", "base_odds": "基准好坏比", "pdo": "翻倍分数（PDO）",
                  "factor": "因子", "offset": "偏移", "base_score": "基础分"}),
    Field("value", "取值", meaning="参数的取值", table="scorecard"),
    # ---- gains 表与区分度（ruralfin.risk.metrics）
    Field("band", "分数档", meaning="按分数等频分档，1 为最危险的一档"),
    Field("score_min", "档内最低分", meaning="该档分数（或风险分）的最小值"),
    Field("score_max", "档内最高分", meaning="该档分数（或风险分）的最大值"),
    Field("cum_obs_share", "累计样本占比", meaning="从最危险一档累计到该档的样本占比"),
    Field("cum_bad_share", "累计坏样本捕获率", meaning="从最危险一档累计到该档捕获的坏样本占全部坏样本的比例"),
    Field("cum_good_share", "累计好样本占比", meaning="从最危险一档累计到该档的好样本占全部好样本的比例"),
    Field("lift", "提升度", meaning="该档坏样本率 ÷ 全体坏样本率"),
    Field("cum_lift", "累计提升度", meaning="累计到该档的坏样本率 ÷ 全体坏样本率"),
    Field("ks", "KS", meaning="坏、好样本累计分布之差（gains 表中为累计到该档的差，最大值即 KS 统计量）"),
    Field("auc", "AUC", meaning="ROC 曲线下面积，0.5 为没有区分能力，1 为完全区分"),
    Field("gini", "Gini 系数", meaning="= 2 × AUC − 1"),
    # ---- 稳定性
    Field("expected_n", "基准样本数", meaning="基准（开发）样本落在该段的个数"),
    Field("actual_n", "实际样本数", meaning="比较（近期）样本落在该段的个数"),
    Field("expected_share", "基准占比", meaning="基准样本在该段的占比"),
    Field("actual_share", "实际占比", meaning="比较样本在该段的占比"),
    Field("psi", "PSI", meaning="群体稳定性指数 = Σ(实际占比 − 基准占比) × ln(实际占比 ÷ 基准占比)"),
    Field("csi", "CSI", meaning="特征稳定性指数：对一个特征的分箱分布按 PSI 公式计算"),
    Field("psi_stability", "稳定性", meaning="按 PSI/CSI 经验阈值 0.1/0.25 的解读",
          values={"stable": "稳定", "moderate": "需关注", "shift": "显著漂移"}),
]

#: 图表标题、图例、导出的工作表名（labels.text(键)）；画图函数都可用 title= 覆盖。
TEXTS = {
    # ---- 分箱图（binning.plot_bins / plot_woe / plot_bad_rate）
    "binning.bins_title": "{feature} 各箱的{what}",
    "binning.bins_title_all": "各箱的{what}",
    # ---- KS 曲线与 gains 曲线（metrics.plot_ks / plot_gains）
    "metrics.target_meaning": "1 = 坏/违约",
    "metrics.ks_title": "KS 曲线（KS = {ks:.3f}）",
    "metrics.ks_ylabel": "累计占比",
    "metrics.gains_title": "gains 曲线（累计捕获率）",
    "metrics.gains_model": "模型",
    "metrics.gains_random": "随机",
    # ---- 评分卡导出 Excel 的工作表名（scorecard.Scorecard.to_excel）
    "scorecard.sheet_card": "评分卡",
    "scorecard.sheet_scaling": "刻度参数",
    "scorecard.sheet_iv": "IV汇总",
    "scorecard.sheet_bins": "分箱明细",
    "scorecard.sheet_discrimination": "区分度",
    "scorecard.sheet_gains": "gains表",
}
