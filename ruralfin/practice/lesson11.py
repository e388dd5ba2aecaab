"""第 11 课（银行发展三农金融的目标）的练习题。

由浅入深：从指标表读一个数（第 1 题）→ 用库算一个保本利率（第 2 题）→ 算一个行业的综合收益率
（第 3 题）→ 改定期存款付息率、数一数被存款拖累的客户（第 4 题）→ 比较几种压低保本利率的办法
并解读（第 5 题）。期望答案都由 :mod:`ruralfin.economics` 和示范县数据现算，不写死。

第 3、4 题用到的客户表与讲义第三节相同：客群违约率取已满 12 个月的贷款申请的历史违约率，
存款付息率按活期 0.15%、定期 1.45% 的余额占比加权（示意值）。
"""

from __future__ import annotations

import math
from functools import lru_cache
from numbers import Real
from typing import Any

from ._core import ChoiceQuestion, CustomQuestion, NumberQuestion, link_solutions, load

__all__ = ["q1", "q2", "q3", "q4", "q5", "CURRENT_RATE", "TIME_RATE", "DEPOSIT_FTP"]

#: 活期、定期存款付息率（%），取示范县产品表中利率区间的中值，仅为示意。
CURRENT_RATE = 0.15
TIME_RATE = 1.45
#: 存款 FTP（%）：comprehensive_yield 的默认值（与贷款 FTP 相同，示意）。
DEPOSIT_FTP = 2.0


@lru_cache(maxsize=1)
def _history():
    """已满 12 个月的贷款申请（bad_12m 不为空），带上客群与行业。"""
    app = load("applications")
    return app[app["bad_12m"].notna()].merge(
        load("entities")[["entity_id", "customer_group", "industry"]], on="entity_id")


@lru_cache(maxsize=1)
def _group_pd():
    from ..economics import expected_loss_table

    t = expected_loss_table(_history(), columns=None, ead="approved_amount", default_flag="bad_12m")
    return t[["customer_group", "prob_default"]]


@lru_cache(maxsize=1)
def _customers():
    """讲义第三节的客户表：一户一行，带存款中定期的占比 time_share 与客群违约率 prob_default。"""
    from ..segments import customer_summary

    holdings = load("holdings")
    cust = customer_summary(load("entities"), holdings, loans=load("loans"), loan_monthly=load("loan_monthly"))
    dep = (holdings[holdings["product_type"].isin(["deposit_current", "deposit_time"])]
           .pivot_table(index="entity_id", columns="product_type", values="avg_balance_12m",
                        aggfunc="sum", observed=True, fill_value=0.0))
    share = (dep["deposit_time"] / dep.sum(axis=1)).reindex(cust["entity_id"]).fillna(0).to_numpy()
    cust["time_share"] = share
    cust["deposit_rate"] = CURRENT_RATE + share * (TIME_RATE - CURRENT_RATE)
    return cust.merge(_group_pd(), on="customer_group")


def _yield(time_rate: float = TIME_RATE):
    from ..economics import comprehensive_yield

    cust = _customers()
    rate = CURRENT_RATE + cust["time_share"] * (time_rate - CURRENT_RATE)
    return comprehensive_yield(cust.assign(deposit_rate=rate), deposit_rate="deposit_rate",
                               prob_default="prob_default")


# ---------------------------------------------------------------- 第 1 题：读指标表


def _npl_2025() -> float:
    from ..economics import loan_book, regulatory_indicators

    loans, monthly, ent = load("loans"), load("loan_monthly"), load("entities")
    b0 = loan_book(loans, monthly, "2024-12-31", entities=ent)
    b1 = loan_book(loans, monthly, "2025-12-31", entities=ent)
    t = regulatory_indicators(b0, b1, new_loans=loans, other_loans=load("bank_book_monthly"),
                              is_inclusive_agri="is_inclusive_agri").set_index("indicator")
    return float(t.loc["inclusive_micro_npl_ratio", "value"])


q1 = NumberQuestion(
    "第 1 题",
    _npl_2025,
    rtol=1e-3,
    atol=0.01,
    unit="%",
    hints=[
        "在指标表里找“普惠型小微不良率”这一行，看 2025 年的数值（不是“基准”那一列）。",
        "表里的不良率已经是百分数：4.5 表示 4.5%，直接填 4.5 这样的数，不要再乘 100 或除以 100。",
        "也可以从 ind_2025 里取数：ind_2025.set_index('indicator').loc['inclusive_micro_npl_ratio', 'value']。",
    ],
)


# ---------------------------------------------------------------- 第 2 题：保本利率


def _break_even_q2() -> float:
    from ..economics import break_even_rate

    return break_even_rate(prob_default=0.03, lgd=0.4)


q2 = NumberQuestion(
    "第 2 题",
    _break_even_q2,
    rtol=1e-4,
    atol=0.005,
    unit="%",
    hints=[
        "用 rf.economics.break_even_rate(...)，只改违约概率和违约损失率两个参数，其余用默认的示意值。",
        "违约概率和违约损失率用小数：3% 写 0.03，40% 写 0.4。",
        "手算核对：2.0 + 1.2 + 3% × 40% × 100 + 75% × 10.5% × 12% × 100。",
    ],
)


# ---------------------------------------------------------------- 第 3 题：一个行业的综合收益率


def _wholesale_yield() -> float:
    cy = _yield()
    part = cy[(cy["industry"] == "wholesale_retail") & (cy["loan_balance"] > 0)]
    return float(part["comprehensive_income"].sum() / part["loan_balance"].sum() * 100)


q3 = NumberQuestion(
    "第 3 题",
    _wholesale_yield,
    rtol=1e-3,
    atol=0.005,
    unit="%",
    hints=[
        "把 overall_yield(\"customer_group\") 里的 \"customer_group\" 换成 \"industry\"，运行后看“批发零售”那一行。",
        "要的是“综合收益率”一列（百分数），不是综合收益的金额。",
        "也可以直接取数：overall_yield(\"industry\").loc[\"wholesale_retail\", \"comprehensive_yield\"]。"
        "整体收益率是合计 ÷ 合计，不是各户收益率的平均。",
    ],
)


# ---------------------------------------------------------------- 第 4 题：改定期付息率


def _judge_q4(answer: Any, _customers_ready: Any) -> tuple[bool, str]:
    if not isinstance(answer, tuple) or len(answer) != 2:
        return False, "请按 (定期付息率, 户数) 的形式给出两个数，例如 ex.q4.check((time_rate, n_eroded))。"
    time_rate, n_eroded = answer  # 还有 ____ 时 evaluate 已报“未作答”
    if isinstance(time_rate, bool) or not isinstance(time_rate, Real) or not math.isfinite(float(time_rate)):
        return False, f"定期付息率应当是一个数（百分数，如 2.4），你填的是 {type(time_rate).__name__}。"
    if 0 < float(time_rate) < 0.06:
        return False, "定期付息率用百分数：2.4% 写 2.4，不是 0.024。"
    if not 0 < float(time_rate) <= 6:
        return False, "定期付息率请选 0 到 6 之间的百分数，例如 2.4。"
    if float(time_rate) <= DEPOSIT_FTP:
        return False, (f"这个付息率不高于存款 FTP（{DEPOSIT_FTP:g}%），存款贡献仍为正，看不到拖累。"
                       f"请选一个高于 {DEPOSIT_FTP:g} 的值再算一次。")
    try:
        got = float(n_eroded)
    except (TypeError, ValueError):
        return False, f"户数应当是一个整数，你填的是 {type(n_eroded).__name__}。"
    if isinstance(n_eroded, bool) or not math.isfinite(got) or got != int(got):
        return False, "户数应当是一个整数（数出来的客户数）。"
    expected = int((_yield(float(time_rate))["yield_pattern"] == "eroded").sum())
    if int(got) == expected:
        return True, (f"答对了：定期付息率 {float(time_rate):g}% 时，有 {expected} 户“利差尚可、综合拖累”。"
                      "想一想：这些客户的存款给银行带来了什么，又花掉了什么？")
    if int(got) == int((_yield()["yield_pattern"] == "eroded").sum()):
        return False, "这像是默认付息率 1.45% 下的户数：算存款付息率时要用你自己选的定期付息率。"
    direction = "偏多" if got > expected else "偏少"
    return False, (f"户数{direction}。检查两点：付息率是否按活期/定期的占比加权，"
                   "以及是否只数了 yield_pattern 等于 \"eroded\" 的客户。")


q4 = CustomQuestion(
    "第 4 题",
    _customers,
    judge=_judge_q4,
    hints=[
        "用练习本开头定义好的 patterns(定期付息率)：它返回各收益类型的客户数。",
        "“利差尚可、综合拖累”的编码是 \"eroded\"：patterns(2.4)[\"eroded\"]。",
        "先把 time_rate 设成一个高于 2.0 的数（如 2.4），再令 n_eroded = patterns(time_rate)[\"eroded\"]。",
    ],
)


# ---------------------------------------------------------------- 第 5 题：哪个杠杆最有力


def _lever_cuts() -> dict[str, float]:
    """以农户客群的历史违约率为起点，四种办法各让保本利率下降多少（百分点）。"""
    from ..economics import break_even_rate, expected_loss_table

    start = float(_group_pd().set_index("customer_group").loc["farmer_household", "prob_default"])
    cells = expected_loss_table(_history(), ead="approved_amount", default_flag="bad_12m")
    farmer = cells[(cells["customer_group"] == "farmer_household") & (cells["n_loans"] >= 30)]
    best_cell = float(farmer["prob_default"].min())
    base = break_even_rate(prob_default=start)
    return {
        "A": base - break_even_rate(prob_default=start, opex_rate=0.8),
        "B": base - break_even_rate(prob_default=start, lgd=0.4),
        "C": base - break_even_rate(prob_default=best_cell),
        "D": base - break_even_rate(prob_default=start, capital_ratio=0.10),
    }


OPTIONS_Q5 = {
    "A": "运营成本率从 1.2% 降到 0.8%（批量授信、线上审批）",
    "B": "违约损失率从 50% 降到 40%（增加保证人）",
    "C": "把新增农户贷款投向农户里历史违约率最低的行业格子（笔数 ≥ 30）",
    "D": "资本充足率要求从 10.5% 降到 10%",
}

q5 = ChoiceQuestion(
    "第 5 题",
    lambda: max(_lever_cuts().items(), key=lambda kv: kv[1])[0],
    options=OPTIONS_Q5,
    hints=[
        "照选项 A 那一行的写法，每个选项只改一个参数：B 加 lgd=0.4，D 加 capital_ratio=0.10。",
        "C 不动其他参数，只把 prob_default 换成农户那几行里（笔数不少于 30）最低的违约率。",
        "比较四个“下降的百分点”，选最大的，用引号填字母，如 \"A\"。想一想：为什么动客群比动成本有效？",
    ],
)


link_solutions(globals(), "11_goals")
