"""额度测算：等额本息月供、偿债比（DSR）与三条约束下的授信额度。

本模块对应课程第四部分途径二 (4) “客户预授信/审批模型”中的额度部分；准入规则与白名单见
:mod:`ruralfin.risk.preapproval`，审批决策矩阵与切分点见 :mod:`ruralfin.risk.decisions`。
所有函数接收 DataFrame、返回新表，不修改输入；列名与参数都可改，默认值对应示范县（金额单位万元）。

本模块里的默认参数（产品上限、收入倍数、偿债比上限、利率、期限）都是**教学示意**，
不是监管要求，也不代表任何银行的实际政策；实际使用时应按本行制度设定。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import (check_frame, check_int, check_number, key_columns, numeric_column, score_vector,
                           value_or_column)
from ..errors import RuralfinValueError

__all__ = [
    "annuity_payment",
    "annuity_principal",
    "debt_service_ratio",
    "credit_limit",
]

#: 三条额度约束的代码（中文名见标签登记处 ``binding_constraint``）；并列时按此顺序取前者。
_CONSTRAINTS = ("product_cap", "revenue_multiple", "dsr")


# ---------------------------------------------------------------------------
# 等额本息与偿债比
# ---------------------------------------------------------------------------
def _rate_term(contract_rate, term_months):
    # 一个数（不是列、不是数组）：年化百分数，0–36；像小数时警告
    contract_rate = value_or_column(None, contract_rate, "contract_rate", kind="rate_pct",
                                    min_value=0.0, max_value=36.0)
    term_months = check_int(term_months, "term_months", min_value=1, max_value=600)
    return contract_rate, term_months


def _amounts(values, name: str):
    """本金或月供：一个数或一组数（万元），不许缺失、无穷大。"""
    if np.ndim(values) == 0:
        return check_number(values, name)
    return score_vector(values, name=name)


def _income(df: pd.DataFrame, column: str, param: str) -> np.ndarray:
    """收入列：数值、无缺失、不许为负（亏损主体要先截为 0）。"""
    v = numeric_column(df, column, param=param, frame="df")
    if (v < 0).any():
        raise RuralfinValueError(
            f"df 的列 {column} 有 {int((v < 0).sum())} 个负数，应为不小于 0 的数；收入不能为负，"
            f"亏损主体请先把收入截为 0（如 df[列名].clip(lower=0)）再算"
        )
    return v


def annuity_payment(principal: float | np.ndarray, contract_rate: float, term_months: int):
    """等额本息的月供：``P × r / (1 − (1 + r)^−n)``，r 为月利率 = 年利率 / 12。

    Parameters
    ----------
    principal : float or array
        本金（万元）。
    contract_rate : float
        年利率，年化百分数（6 表示 6%，与示范县 ``loans.contract_rate`` 同一口径）；为 0 时月供 = 本金 / 期数。
    term_months : int
        期数（月）。

    Returns
    -------
    float or ndarray
        每月还款额，单位同本金。

    Examples
    --------
    >>> round(annuity_payment(12.0, 6.0, 12), 4)
    1.0328
    >>> annuity_payment(12.0, 0.0, 12)
    1.0
    """
    contract_rate, term_months = _rate_term(contract_rate, term_months)
    r = contract_rate / 100 / 12
    p = np.asarray(_amounts(principal, "principal"), dtype="float64")
    res = p / term_months if r == 0 else p * r / (1 - (1 + r) ** -term_months)
    return float(res) if np.ndim(res) == 0 else res


def annuity_principal(payment: float | np.ndarray, contract_rate: float, term_months: int):
    """由可承受的月供反推等额本息本金：``A × (1 − (1 + r)^−n) / r``（r = 0 时为 A × n）。

    Examples
    --------
    >>> round(annuity_principal(1.0328, 6.0, 12), 3)
    12.0
    >>> annuity_principal(0.5, 0.0, 24)
    12.0
    """
    contract_rate, term_months = _rate_term(contract_rate, term_months)
    r = contract_rate / 100 / 12
    a = np.asarray(_amounts(payment, "payment"), dtype="float64")
    res = a * term_months if r == 0 else a * (1 - (1 + r) ** -term_months) / r
    return float(res) if np.ndim(res) == 0 else res



def debt_service_ratio(
    df: pd.DataFrame,
    *,
    requested_amount: str = "requested_amount",
    income: str = "verified_revenue",
    existing_debt: str | None = "existing_debt",
    existing_payment: str | None = None,
    contract_rate: float = 6.0,
    term_months: int = 12,
) -> pd.Series:
    """偿债比 DSR = （现有负债年还款额 + 新贷款年还款额）÷ 年收入。

    新贷款按等额本息估年还款额（月供 × 12）。现有负债的年还款额优先取
    ``existing_payment`` 列；不给时，把 ``existing_debt`` 按同样的利率与期限摊还估算
    （这是简化，真实的现有负债期限、利率各不相同）。

    Parameters
    ----------
    df : DataFrame
        一行一个申请人，不会被修改。
    requested_amount : str, default "requested_amount"
        本次申请金额（万元）。
    income : str, default "verified_revenue"
        年收入（万元）。小微主体常用核实后的年营业收入；有经营净现金流时用它更贴切。
        不接受负数（会报错）：净现金流为负的亏损主体，请先把这一列截为 0
        （``df[列名].clip(lower=0)``），收入为 0 时偿债比为 ``inf``。
    existing_debt, existing_payment : str or None
        现有负债余额（万元）；现有负债年还款额（万元）。
    contract_rate : float, default 6.0
        年利率，年化百分数（示意值）。
    term_months : int, default 12
        期限（月）。

    Returns
    -------
    Series
        名为 ``dsr``，0–1 以上的比例；收入为 0 时为 ``inf``（:func:`~ruralfin.risk.decisions.decide` 把它当作
        “收入为 0，无法计算偿债比”处理）。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"requested_amount": [12.0], "verified_revenue": [40.0], "existing_debt": [0.0]})
    >>> round(float(debt_service_ratio(df).iloc[0]), 4)
    0.3098
    """
    cols = [requested_amount, income] + [c for c in (existing_debt, existing_payment) if c]
    check_frame(df, cols, name="df")
    amt = numeric_column(df, requested_amount, param="requested_amount", frame="df", min_value=0)
    inc = _income(df, income, "income")
    if existing_payment:
        exist = numeric_column(df, existing_payment, param="existing_payment", frame="df", min_value=0)
    elif existing_debt:
        debt = numeric_column(df, existing_debt, param="existing_debt", frame="df", min_value=0)
        exist = annuity_payment(debt, contract_rate, term_months) * 12
    else:
        exist = np.zeros(len(df))
    new = annuity_payment(amt, contract_rate, term_months) * 12
    with np.errstate(divide="ignore", invalid="ignore"):
        dsr = (exist + new) / inc
    dsr = np.where(inc == 0, np.inf, dsr)
    return pd.Series(dsr, index=df.index, name="dsr")


# ---------------------------------------------------------------------------
# 额度
# ---------------------------------------------------------------------------
def credit_limit(
    df: pd.DataFrame,
    *,
    revenue: str = "verified_revenue",
    existing_debt: str = "existing_debt",
    income: str | None = None,
    existing_payment: str | None = None,
    product_cap: float | str = 30.0,
    revenue_multiple: float = 0.5,
    max_dsr: float = 0.5,
    contract_rate: float = 6.0,
    term_months: int = 12,
    round_to: float | None = None,
) -> pd.DataFrame:
    """测算每个主体的授信额度，并写明是哪条约束“卡住”了额度。

    额度 = max(0, min(①, ②, ③))：

    ① 产品额度上限 ``product_cap``（一个数，或一列，如各主体适用产品的上限）；
    ② 收入倍数扣减现有负债：``revenue_multiple × 核实年营业收入 − 现有负债``；
    ③ 偿债比上限：``max_dsr × 年收入`` 减去现有负债年还款额，得到每年可用于新贷款还款的
       金额，÷12 得到可承受月供，再按等额本息公式（利率 ``contract_rate``、期限
       ``term_months``）折成本金。现有负债年还款额取 ``existing_payment`` 列，不给时把
       ``existing_debt`` 按同样利率期限摊还估算。

    参数默认值是教学示意（30 万元上限、0.5 倍收入、偿债比 50%、年利率 6%、12 个月），
    不是监管要求，请按本行产品制度设定。

    Parameters
    ----------
    df : DataFrame
        一行一个主体（或一笔申请），不会被修改。有 ``entity_id`` 列时编号不许缺失。
        金额列都不许缺失、无穷大或为负（现有负债为无穷大、收入缺失时报错，而不是给出 NaN 的额度）。
    revenue : str, default "verified_revenue"
        核实（交叉验证）后的年营业收入，万元。不接受负数（会报错）。
    existing_debt : str, default "existing_debt"
        现有负债余额，万元。
    income : str, optional
        计算偿债比用的年收入列；不给时用 ``revenue``。同样不接受负数：净现金流为负的
        亏损主体请先截为 0（``df[列名].clip(lower=0)``），此时偿债比约束允许的额度不大于 0。
    existing_payment : str, optional
        现有负债的年还款额，万元。
    product_cap : float or str, default 30.0
        产品额度上限（万元），或给出上限的列名。
    revenue_multiple : float, default 0.5
        收入倍数 k。
    max_dsr : float, default 0.5
        偿债比上限（0–1 之间的小数）。
    contract_rate : float, default 6.0
        年利率，年化百分数（6.0 表示 6%）。
    term_months : int, default 12
        期限（月）。
    round_to : float, optional
        额度向下取整到该单位的整数倍（如 0.5 表示 5000 元）。

    Returns
    -------
    DataFrame
        输入的副本，新增：``limit_product_cap``、``limit_revenue``、``limit_dsr``（三条约束各自
        允许的额度，可为负）、``credit_limit``（最终额度，≥0）、``binding_constraint``（起作用
        的约束：product_cap / revenue_multiple / dsr，并列时按此顺序取前者）和
        ``limit_note``（一句中文解释）。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"entity_id": [1, 2, 3],
    ...                    "verified_revenue": [200.0, 40.0, 100.0],
    ...                    "existing_debt": [0.0, 5.0, 40.0]})
    >>> out = credit_limit(df, contract_rate=0.0)
    >>> out[["entity_id", "limit_revenue", "limit_dsr", "credit_limit", "binding_constraint"]]
       entity_id  limit_revenue  limit_dsr  credit_limit binding_constraint
    0          1          100.0      100.0          30.0        product_cap
    1          2           15.0       15.0          15.0   revenue_multiple
    2          3           10.0       10.0          10.0   revenue_multiple
    >>> print(out.loc[0, "limit_note"])
    额度 30.0 万元，受产品额度上限约束（收入倍数允许 100.0 万元，偿债比允许 100.0 万元）
    """
    cols = [revenue, existing_debt] + [c for c in (income, existing_payment) if c]
    if isinstance(product_cap, str):
        cols.append(product_cap)
    check_frame(df, cols, name="df")
    if "entity_id" in df.columns:
        key_columns(df, "entity_id", param="df", frame="df")  # 额度要落到具体的主体上：编号不许缺失
    revenue_multiple = check_number(revenue_multiple, "revenue_multiple", min_value=0, max_value=100)
    max_dsr = check_number(max_dsr, "max_dsr", min_value=0, max_value=1)
    contract_rate, term_months = _rate_term(contract_rate, term_months)
    if round_to is not None:
        round_to = check_number(round_to, "round_to", min_value=1e-9)

    rev = _income(df, revenue, "revenue")
    debt = numeric_column(df, existing_debt, param="existing_debt", frame="df", min_value=0)
    inc = _income(df, income, "income") if income else rev
    cap = value_or_column(df, product_cap, "product_cap", frame="df", min_value=0)
    if existing_payment:
        exist_pay = numeric_column(df, existing_payment, param="existing_payment", frame="df", min_value=0)
    else:
        exist_pay = annuity_payment(debt, contract_rate, term_months) * 12

    lim_rev = revenue_multiple * rev - debt
    monthly = (max_dsr * inc - exist_pay) / 12
    lim_dsr = annuity_principal(monthly, contract_rate, term_months)

    stack = np.vstack([cap, lim_rev, lim_dsr])
    which = np.argmin(stack, axis=0)  # 并列时取靠前者
    limit = np.maximum(stack.min(axis=0), 0.0)
    if round_to:
        limit = np.floor(limit / round_to + 1e-9) * round_to

    out = df.copy()
    out["limit_product_cap"] = cap
    out["limit_revenue"] = lim_rev
    out["limit_dsr"] = lim_dsr
    out["credit_limit"] = limit
    out["binding_constraint"] = pd.Categorical.from_codes(which, categories=list(_CONSTRAINTS))
    out["limit_note"] = pd.array(_limit_notes(stack, which, limit), dtype="str")
    return out


def _limit_notes(stack: np.ndarray, which: np.ndarray, limit: np.ndarray) -> list[str]:
    """每行一句额度说明：受哪条约束、其余约束各允许多少（文字取自标签登记处）。"""
    from .. import labels

    names = labels.get("binding_constraint").values
    short = [labels.text(f"limits.short_{c}") for c in _CONSTRAINTS]
    head_t, low_t, other_t = (labels.text(k) for k in ("limits.note_head", "limits.note_short", "limits.note_other"))
    notes = []
    for i in range(stack.shape[1]):
        k = which[i]
        others = "，".join(other_t.format(name=short[j], value=stack[j, i]) for j in range(3) if j != k)
        head = head_t.format(limit=limit[i], constraint=names[_CONSTRAINTS[k]])
        if stack[k, i] <= 0:
            head += low_t.format(value=stack[k, i])
        notes.append(f"{head}（{others}）")
    return notes
