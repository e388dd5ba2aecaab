"""第 43 课（大数据模型：行为分析与信用评分）的练习题。

手算一个特征的 WoE（第 1 题）和 IV（第 2 题）、按 IV 挑特征（第 3 题）、在评分卡上查一位申请人的
分数（第 4 题）、把分数换成违约概率（第 5 题）、算分数的 PSI（第 6 题）并判断一个特征的稳定性（第 7 题）。
期望答案都由 :mod:`ruralfin.risk` 和示范县数据现算，不写死数字。
"""

from __future__ import annotations

from functools import lru_cache

from ._core import ChoiceQuestion, NumberQuestion, SetQuestion, link_solutions, load

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7",
           "CANDIDATES", "Q1_FEATURE", "Q5_POINTS", "Q7_FEATURE", "STABILITY_OPTIONS"]

#: 候选特征（与讲义相同）。
CANDIDATES = ["requested_amount", "requested_term_months", "purpose", "channel", "reported_revenue",
              "existing_debt", "operator_age", "years_in_business", "credit_inquiries_6m", "max_dpd_24m",
              "owns_house", "household_size", "manager_visit_score", "deposit_avg_6m", "flow_trend_6m",
              "social_security_months", "typing_speed", "application_weekday", "application_hour"]
#: 第 1、2 题手算的特征。
Q1_FEATURE = "social_security_months"
#: 第 5 题的分数。
Q5_POINTS = 560
#: 第 7 题判断稳定性的特征。
Q7_FEATURE = "deposit_avg_6m"
#: 第 7 题的选项。
STABILITY_OPTIONS = {"A": "稳定（< 0.1）", "B": "需关注（0.1–0.25）", "C": "显著漂移（> 0.25）"}
_OPTION_OF = {"stable": "A", "moderate": "B", "shift": "C"}


@lru_cache(maxsize=1)
def _data():
    apps = load("applications")
    known = apps["bad_12m"].notna()
    dev = apps[(apps["sample"] == "development") & known]
    val = apps[(apps["sample"] == "validation") & known]
    recent = apps[apps["sample"] == "recent"]
    return dev, val, recent


@lru_cache(maxsize=1)
def _binner():
    from ..risk.binning import WoEBinner

    dev, _, _ = _data()
    return WoEBinner().fit(dev[CANDIDATES], dev["bad_12m"].astype(int))


def _selected() -> list[str]:
    iv = _binner().iv_table()
    return iv.loc[iv["iv"].between(0.02, 0.5), "feature"].tolist()


@lru_cache(maxsize=1)
def _card():
    from ..risk.binning import WoEBinner
    from ..risk.scorecard import Scorecard

    dev, _, _ = _data()
    return Scorecard(WoEBinner(), base_points=600, base_odds=50, pdo=20, decimals=0).fit(
        dev[_selected()], dev["bad_12m"].astype(int))


def _missing_woe() -> float:
    t = _binner().binning_table(Q1_FEATURE)
    return float(t.loc[t["bin_type"] == "missing", "woe"].item())


def _iv() -> float:
    return float(_binner().iv_[Q1_FEATURE])


def _applicant_points() -> float:
    _, val, _ = _data()
    card = _card()
    return float(card.predict_points(val.head(1)[card.features_]).iloc[0])


def _prob_at_points() -> float:
    import math

    card = _card()
    odds = math.exp((Q5_POINTS - card.offset_) / card.factor_)  # 好坏比（好:坏）
    return 1.0 / (1.0 + odds)


def _score_psi() -> float:
    from ..risk.metrics import psi

    dev, _, recent = _data()
    card = _card()
    return psi(card.predict_points(dev[card.features_]), card.predict_points(recent[card.features_]))


def _stability_option() -> str:
    from ..risk.binning import csi

    dev, _, recent = _data()
    card = _card()
    t = csi(dev, recent, binner=card.binner_, features=[Q7_FEATURE])
    return _OPTION_OF[t["psi_stability"].item()]


q1 = NumberQuestion(
    "第 1 题：手算缺失箱的 WoE",
    _missing_woe,
    rtol=1e-3,
    atol=1e-4,
    hints=[
        "先算每一箱的坏样本占比 = 该箱坏样本数 ÷ 全部坏样本数，好样本占比同理（用分箱表的 n_bad、n_good 两列）。",
        "WoE = ln(坏样本占比 ÷ 好样本占比)，用 np.log。",
        "最后取 bin_type 为 \"missing\" 的那一行；结果是一个数，不是一整列。",
    ],
)

q2 = NumberQuestion(
    "第 2 题：手算 IV",
    _iv,
    rtol=1e-3,
    atol=1e-4,
    hints=[
        "IV = Σ (坏样本占比 − 好样本占比) × WoE，对所有箱求和。",
        "样本数为 0 的箱（如“未见过的类别”箱）手算会得到 NaN；pandas 的 .sum() 会跳过 NaN。",
        "可以用 binner.iv_[\"social_security_months\"] 核对你的手算结果——但答案请用自己算的数。",
    ],
)

q3 = SetQuestion(
    "第 3 题：按 IV 挑特征",
    lambda: set(_selected()),
    item="特征",
    hints=[
        "用 binner.iv_table()：每个特征一行，有 iv 列。",
        "留下 0.02 ≤ IV ≤ 0.5 的特征：低于 0.02 无用，高于 0.5 可疑。pandas 的 .between(0.02, 0.5) 两端都包含。",
        "答案是英文列名的列表，如 [\"max_dpd_24m\", ...]。",
    ],
)

q4 = NumberQuestion(
    "第 4 题：在评分卡上查分",
    _applicant_points,
    rtol=0,
    atol=0.5,
    unit="分",
    hints=[
        "分数 = 基础分（评分卡表第一行）+ 这位申请人在每个特征所落箱的得分。",
        "先看他每个特征的取值（applicant[features]），再到评分卡表里找到对应的箱；缺失值落在“缺失”箱。",
        "核对：card.points_breakdown(applicant[features]) 会列出每一项得分和总分。",
    ],
)

q5 = NumberQuestion(
    "第 5 题：分数换成违约概率",
    _prob_at_points,
    rtol=2e-3,
    hints=[
        "刻度：600 分对应好坏比 50 : 1，每少 20 分好坏比减半。",
        "560 分比 600 分少 40 分，即减半两次：好坏比 = 50 ÷ 4。",
        "好坏比 = 好 : 坏，违约概率 = 1 ÷ (1 + 好坏比)。答案是小数，不是百分数。",
    ],
)

q6 = NumberQuestion(
    "第 6 题：分数的 PSI",
    _score_psi,
    rtol=1e-3,
    atol=1e-4,
    hints=[
        "先用 card.predict_points 分别给开发样本 dev 和近期样本 recent 打分。",
        "再用 rf.risk.metrics.psi(开发样本的分数, 近期样本的分数)：第一个参数是基准（预期）分布。",
        "参数顺序反了结果会略有不同；默认按开发样本分数的十等分切段。",
    ],
)

q7 = ChoiceQuestion(
    "第 7 题：判断一个特征的稳定性",
    _stability_option,
    options=STABILITY_OPTIONS,
    hints=[
        "用 rf.risk.binning.csi(dev, recent, binner=card.binner_) 算每个特征的 CSI（按评分卡的分箱比较两个样本）。",
        "找到“近 6 个月日均存款”（deposit_avg_6m）那一行，按 0.1 和 0.25 两个阈值判断。",
    ],
)


link_solutions(globals(), "43_scorecard")
