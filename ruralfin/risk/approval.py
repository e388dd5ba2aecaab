"""预授信与审批：额度测算、准入规则、白名单、审批决策矩阵与拒绝原因、切分点取舍。

本模块对应课程第四部分途径二 (4) “客户预授信/审批模型”。所有函数接收 DataFrame、
返回新表，不修改输入；列名与参数都可改，默认值对应示范县（金额单位万元）。

本模块里的默认参数（产品上限、收入倍数、偿债比上限、评分段、单位经济假设等）都是
**教学示意**，不是监管要求，也不代表任何银行的实际政策；实际使用时应按本行制度设定。
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import warnings

import numpy as np
import pandas as pd

from .._validation import check_frame, check_int, check_number, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning

__all__ = [
    "annuity_payment",
    "annuity_principal",
    "debt_service_ratio",
    "credit_limit",
    "Rule",
    "check_rules",
    "pre_approve",
    "whitelist_summary",
    "DecisionMatrix",
    "top_adverse_factors",
    "decide",
    "cutoff_table",
    "plot_cutoff_tradeoff",
]

_CONSTRAINTS = ("product_cap", "revenue_multiple", "dsr")
_CONSTRAINT_NAMES = {"product_cap": "产品额度上限", "revenue_multiple": "收入倍数扣减现有负债",
                     "dsr": "偿债比上限"}
_RATE_HELP = "（本库的利率用年化百分数，如 6 表示 6%）"


# ---------------------------------------------------------------------------
# 等额本息与偿债比
# ---------------------------------------------------------------------------
def _pct(value, name, hi=36.0):
    """年化百分数参数：检查范围；0 < 值 < 0.5 时多半是把百分数写成了小数，发出提示。"""
    try:
        value = check_number(value, name, min_value=0, max_value=hi)
    except RuralfinValueError as exc:
        raise RuralfinValueError(f"{exc}{_RATE_HELP}") from None
    if 0 < value < 0.5:
        warnings.warn(f"参数 {name}={value:g} 看起来是小数；本库的利率用年化百分数（6 表示 6%），"
                      f"{value:g} 会被当作 {value:g}%", RuralfinWarning, stacklevel=3)
    return value


def _rate_term(annual_rate, term_months):
    annual_rate = _pct(annual_rate, "annual_rate")
    term_months = check_int(term_months, "term_months", min_value=1, max_value=600)
    return annual_rate, term_months


def annuity_payment(principal: float | np.ndarray, annual_rate: float, term_months: int):
    """等额本息的月供：``P × r / (1 − (1 + r)^−n)``，r 为月利率 = 年利率 / 12。

    Parameters
    ----------
    principal : float or array
        本金（万元）。
    annual_rate : float
        年利率，年化百分数（6 表示 6%，与示范县的利率列同一口径）；为 0 时月供 = 本金 / 期数。
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
    annual_rate, term_months = _rate_term(annual_rate, term_months)
    r = annual_rate / 100 / 12
    p = np.asarray(principal, dtype="float64")
    res = p / term_months if r == 0 else p * r / (1 - (1 + r) ** -term_months)
    return float(res) if np.ndim(res) == 0 else res


def annuity_principal(payment: float | np.ndarray, annual_rate: float, term_months: int):
    """由可承受的月供反推等额本息本金：``A × (1 − (1 + r)^−n) / r``（r = 0 时为 A × n）。

    Examples
    --------
    >>> round(annuity_principal(1.0328, 6.0, 12), 3)
    12.0
    >>> annuity_principal(0.5, 0.0, 24)
    12.0
    """
    annual_rate, term_months = _rate_term(annual_rate, term_months)
    r = annual_rate / 100 / 12
    a = np.asarray(payment, dtype="float64")
    res = a * term_months if r == 0 else a * (1 - (1 + r) ** -term_months) / r
    return float(res) if np.ndim(res) == 0 else res


_INCOME_HINT = "；收入不能为负，亏损主体请先把收入截为 0（如 df[列名].clip(lower=0)）再算"


def _values(df, col, name, *, allow_nan=False, nonneg=True, hint=""):
    s = df[col]
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        raise RuralfinTypeError(f"{name} 的列 {col} 应为数值，实际类型是 {s.dtype}")
    v = s.to_numpy(dtype="float64", na_value=np.nan)
    if not allow_nan and np.isnan(v).any():
        raise RuralfinValueError(f"{name} 的列 {col} 有 {int(np.isnan(v).sum())} 个缺失值，请先补齐或剔除这些行")
    if nonneg and (v < 0).any():
        raise RuralfinValueError(f"{name} 的列 {col} 有 {int((v < 0).sum())} 个负数，应为不小于 0 的数{hint}")
    return v


def debt_service_ratio(
    df: pd.DataFrame,
    *,
    amount: str = "requested_amount",
    income: str = "verified_revenue",
    existing_debt: str | None = "existing_debt",
    existing_payment: str | None = None,
    annual_rate: float = 6.0,
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
    amount : str, default "requested_amount"
        本次申请金额（万元）。
    income : str, default "verified_revenue"
        年收入（万元）。小微主体常用核实后的年营业收入；有经营净现金流时用它更贴切。
        不接受负数（会报错）：净现金流为负的亏损主体，请先把这一列截为 0
        （``df[列名].clip(lower=0)``），收入为 0 时偿债比为 ``inf``。
    existing_debt, existing_payment : str or None
        现有负债余额（万元）；现有负债年还款额（万元）。
    annual_rate : float, default 6.0
        年利率，年化百分数（示意值）。
    term_months : int, default 12
        期限（月）。

    Returns
    -------
    Series
        名为 ``dsr``，0–1 以上的比例；收入为 0 时为 ``inf``（:func:`decide` 把它当作
        “收入为 0，无法计算偿债比”处理）。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"requested_amount": [12.0], "verified_revenue": [40.0], "existing_debt": [0.0]})
    >>> round(float(debt_service_ratio(df).iloc[0]), 4)
    0.3098
    """
    name = "df"
    cols = [amount, income] + [c for c in (existing_debt, existing_payment) if c]
    check_frame(df, cols, name=name, numeric=cols)
    amt = _values(df, amount, name)
    inc = _values(df, income, name, hint=_INCOME_HINT)
    if existing_payment:
        exist = _values(df, existing_payment, name)
    elif existing_debt:
        exist = annuity_payment(_values(df, existing_debt, name), annual_rate, term_months) * 12
    else:
        exist = np.zeros(len(df))
    new = annuity_payment(amt, annual_rate, term_months) * 12
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
    annual_rate: float = 6.0,
    term_months: int = 12,
    round_to: float | None = None,
) -> pd.DataFrame:
    """测算每个主体的授信额度，并写明是哪条约束“卡住”了额度。

    额度 = max(0, min(①, ②, ③))：

    ① 产品额度上限 ``product_cap``（一个数，或一列，如各主体适用产品的上限）；
    ② 收入倍数扣减现有负债：``revenue_multiple × 核实年营业收入 − 现有负债``；
    ③ 偿债比上限：``max_dsr × 年收入`` 减去现有负债年还款额，得到每年可用于新贷款还款的
       金额，÷12 得到可承受月供，再按等额本息公式（利率 ``annual_rate``、期限
       ``term_months``）折成本金。现有负债年还款额取 ``existing_payment`` 列，不给时把
       ``existing_debt`` 按同样利率期限摊还估算。

    参数默认值是教学示意（30 万元上限、0.5 倍收入、偿债比 50%、年利率 6%、12 个月），
    不是监管要求，请按本行产品制度设定。

    Parameters
    ----------
    df : DataFrame
        一行一个主体（或一笔申请），不会被修改。
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
    annual_rate : float, default 6.0
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
    >>> out = credit_limit(df, annual_rate=0.0)
    >>> out[["entity_id", "limit_revenue", "limit_dsr", "credit_limit", "binding_constraint"]]
       entity_id  limit_revenue  limit_dsr  credit_limit binding_constraint
    0          1          100.0      100.0          30.0        product_cap
    1          2           15.0       15.0          15.0   revenue_multiple
    2          3           10.0       10.0          10.0   revenue_multiple
    >>> print(out.loc[0, "limit_note"])
    额度 30.0 万元，受产品额度上限约束（收入倍数允许 100.0 万元，偿债比允许 100.0 万元）
    """
    name = "df"
    cols = [revenue, existing_debt] + [c for c in (income, existing_payment) if c]
    cap_col = product_cap if isinstance(product_cap, str) else None
    if cap_col:
        cols.append(cap_col)
    check_frame(df, cols, name=name, numeric=cols)
    revenue_multiple = check_number(revenue_multiple, "revenue_multiple", min_value=0)
    max_dsr = check_number(max_dsr, "max_dsr", min_value=0, max_value=1)
    annual_rate, term_months = _rate_term(annual_rate, term_months)
    if round_to is not None:
        round_to = check_number(round_to, "round_to", min_value=1e-9)

    rev = _values(df, revenue, name, hint=_INCOME_HINT)
    debt = _values(df, existing_debt, name)
    inc = _values(df, income, name, hint=_INCOME_HINT) if income else rev
    if cap_col:
        cap = _values(df, cap_col, name)
    else:
        cap = np.full(len(df), check_number(product_cap, "product_cap", min_value=0))
    if existing_payment:
        exist_pay = _values(df, existing_payment, name)
    else:
        exist_pay = annuity_payment(debt, annual_rate, term_months) * 12

    lim_rev = revenue_multiple * rev - debt
    monthly = (max_dsr * inc - exist_pay) / 12
    lim_dsr = annuity_principal(monthly, annual_rate, term_months)

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
    notes = []
    for i in range(len(df)):
        k = which[i]
        others = "，".join(
            f"{['产品上限', '收入倍数', '偿债比'][j]}允许 {stack[j, i]:.1f} 万元" for j in range(3) if j != k
        )
        head = f"额度 {limit[i]:.1f} 万元，受{_CONSTRAINT_NAMES[_CONSTRAINTS[k]]}约束"
        if stack[k, i] <= 0:
            head += f"（该约束允许 {stack[k, i]:.1f} 万元，不足以授信）"
        notes.append(f"{head}（{others}）")
    out["limit_note"] = pd.array(notes, dtype="str")
    return out


# ---------------------------------------------------------------------------
# 准入规则与白名单
# ---------------------------------------------------------------------------
_OPS = {
    ">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal,
    "==": np.equal, "!=": np.not_equal,
}
_SET_OPS = ("in", "not in")


class Rule(NamedTuple):
    """一条准入规则：``column operator threshold`` **成立才准入**，不成立时给出 ``reason``。

    Parameters
    ----------
    column : str
        列名。
    op : str
        ``>``、``>=``、``<``、``<=``、``==``、``!=``、``in``、``not in``。
    threshold : object
        门槛值；``in``/``not in`` 时为取值列表。
    reason : str
        不满足时的中文原因，如 ``"经营年限不足 2 年"``。
    missing : {"fail", "pass"}, default "fail"
        该列缺失时算不满足还是满足。例如“近 24 个月最长逾期 ≤ 30 天”对没有征信记录的
        首贷户常设为 ``"pass"``，以免把首贷户一律挡在门外。

    Examples
    --------
    >>> Rule("years_in_business", ">=", 2, "经营年限不足 2 年")
    Rule(column='years_in_business', op='>=', threshold=2, reason='经营年限不足 2 年', missing='fail')
    """

    column: str
    op: str
    threshold: Any
    reason: str
    missing: str = "fail"


def _as_rules(rules) -> list[Rule]:
    if isinstance(rules, (Rule, str)) or not isinstance(rules, Iterable):
        raise RuralfinTypeError("参数 rules 应为规则列表，如 [Rule('operator_age', '<=', 65, '经营者超过 65 岁')]")
    out = []
    for i, r in enumerate(rules, 1):
        if isinstance(r, Rule):
            rule = r
        elif isinstance(r, Mapping):
            try:
                rule = Rule(**r)
            except TypeError:
                raise RuralfinValueError(
                    f"第 {i} 条规则应含键 column、op、threshold、reason（可选 missing），实际是 {sorted(r)}"
                ) from None
        elif isinstance(r, (tuple, list)) and len(r) in (4, 5):
            rule = Rule(*r)
        else:
            raise RuralfinTypeError(f"第 {i} 条规则应为 Rule、(列, 运算符, 门槛, 原因) 或字典，实际是 {r!r}")
        if rule.op not in _OPS and rule.op not in _SET_OPS:
            raise RuralfinValueError(
                f"第 {i} 条规则（列 {rule.column}）的运算符 {rule.op!r} 不认识，可选：{fmt_list([*_OPS, *_SET_OPS])}"
            )
        if rule.missing not in ("fail", "pass"):
            raise RuralfinValueError(f"第 {i} 条规则（列 {rule.column}）的 missing 应为 'fail' 或 'pass'，实际是 {rule.missing!r}")
        if not isinstance(rule.reason, str) or not rule.reason:
            raise RuralfinValueError(f"第 {i} 条规则（列 {rule.column}）缺少中文原因 reason")
        out.append(rule)
    return out


def _rule_pass(df: pd.DataFrame, rule: Rule) -> np.ndarray:
    s = df[rule.column]
    miss = s.isna().to_numpy()
    if rule.op in _SET_OPS:
        if isinstance(rule.threshold, (str, bytes)) or not isinstance(rule.threshold, Iterable):
            raise RuralfinTypeError(f"规则（列 {rule.column}）用 {rule.op!r} 时门槛应为取值列表，实际是 {rule.threshold!r}")
        ok = s.isin(list(rule.threshold)).to_numpy(dtype=bool)
        if rule.op == "not in":
            ok = ~ok
    else:
        thr = rule.threshold
        if isinstance(thr, (int, float, np.number)) and not isinstance(thr, bool):
            if not pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
                if rule.op not in ("==", "!="):
                    raise RuralfinTypeError(
                        f"规则（列 {rule.column} {rule.op} {thr}）要求数值列，实际类型是 {s.dtype}"
                    )
            vals = s.to_numpy(dtype="float64", na_value=np.nan) if pd.api.types.is_numeric_dtype(s.dtype) else s
            with np.errstate(invalid="ignore"):
                ok = np.asarray(_OPS[rule.op](vals, thr), dtype=bool)
        else:
            if rule.op not in ("==", "!="):
                if not isinstance(s.dtype, pd.CategoricalDtype) or not s.cat.ordered:
                    raise RuralfinTypeError(
                        f"规则（列 {rule.column} {rule.op} {thr!r}）：非数值门槛只能用 == 或 !=（有序类别列除外）"
                    )
            ok = np.asarray(_OPS[rule.op](s, thr).fillna(False), dtype=bool) if rule.op not in ("==", "!=") \
                else (s == thr).fillna(False).to_numpy(dtype=bool) ^ (rule.op == "!=")
    ok = ok & ~miss
    if rule.missing == "pass":
        ok = ok | miss
    return ok


def check_rules(df: pd.DataFrame, rules: Sequence[Rule | tuple | Mapping]) -> pd.DataFrame:
    """逐条检查准入规则，给出每行是否全部满足和不满足的原因。

    Parameters
    ----------
    df : DataFrame
        一行一个主体或申请，不会被修改。
    rules : list
        :class:`Rule`、``(列, 运算符, 门槛, 原因[, missing])`` 元组或同名键的字典。

    Returns
    -------
    DataFrame
        与 ``df`` 同索引，列：``rules_passed``（全部满足）、``n_failed``（不满足的条数）、
        ``failed_reasons``（中文原因，用“；”连接，全部满足时为空字符串）、
        ``failed_rules``（不满足规则的列名，用“;”连接）。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"operator_age": [35, 70], "years_in_business": [5, 1]})
    >>> rules = [("operator_age", "<=", 65, "经营者超过 65 岁"),
    ...          ("years_in_business", ">=", 2, "经营年限不足 2 年")]
    >>> res = check_rules(df, rules)
    >>> res[["rules_passed", "n_failed"]]
       rules_passed  n_failed
    0          True         0
    1         False         2
    >>> print(res.loc[1, "failed_reasons"])
    经营者超过 65 岁；经营年限不足 2 年
    """
    rules = _as_rules(rules)
    check_frame(df, [r.column for r in rules], name="df", allow_empty=True)
    n = len(df)
    fails = np.zeros((len(rules), n), dtype=bool)
    for k, rule in enumerate(rules):
        fails[k] = ~_rule_pass(df, rule)
    reasons, names = [], []
    for i in range(n):
        idx = np.flatnonzero(fails[:, i])
        reasons.append("；".join(rules[k].reason for k in idx))
        names.append(";".join(rules[k].column for k in idx))
    return pd.DataFrame({
        "rules_passed": ~fails.any(axis=0),
        "n_failed": fails.sum(axis=0).astype("int64"),
        "failed_reasons": pd.array(reasons, dtype="str"),
        "failed_rules": pd.array(names, dtype="str"),
    }, index=df.index)


def pre_approve(
    df: pd.DataFrame,
    rules: Sequence[Rule | tuple | Mapping],
    *,
    score: str = "points",
    min_score: float | None = None,
    **limit_options: Any,
) -> pd.DataFrame:
    """预授信（含整村授信）：准入规则 + 评分门槛 + 额度测算 → 白名单。

    一个主体进入白名单（``whitelisted``）须同时满足：全部准入规则、评分不低于
    ``min_score``（不给则不看评分）、测算额度大于 0。没进白名单的，``exclusion_reasons``
    写明全部原因。

    Parameters
    ----------
    df : DataFrame
        一行一个主体，不会被修改。
    rules : list
        准入规则，见 :class:`Rule`、:func:`check_rules`。
    score : str, default "points"
        评分列（分数越高越好，默认为评分卡总分 ``points``）；``min_score`` 为 None 时可以
        没有这一列。
    min_score : float, optional
        评分门槛。
    **limit_options
        传给 :func:`credit_limit` 的参数（列名、``product_cap``、``revenue_multiple``、
        ``max_dsr``、``annual_rate``、``term_months``、``round_to``）。

    Returns
    -------
    DataFrame
        输入的副本，加上 :func:`credit_limit` 的各列和 ``rules_passed``（准入规则全部满足）、
        ``whitelisted``、``exclusion_reasons``。白名单本身是 ``out[out["whitelisted"]]``。

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"entity_id": [1, 2, 3], "operator_age": [40, 70, 45],
    ...                    "points": [720, 700, 560],
    ...                    "verified_revenue": [80.0, 60.0, 50.0], "existing_debt": [0.0, 0.0, 0.0]})
    >>> out = pre_approve(df, [("operator_age", "<=", 65, "经营者超过 65 岁")], min_score=600, round_to=1.0)
    >>> out[["entity_id", "whitelisted", "credit_limit", "binding_constraint", "exclusion_reasons"]]
       entity_id  whitelisted  credit_limit binding_constraint     exclusion_reasons
    0          1         True          30.0        product_cap
    1          2        False          29.0                dsr            经营者超过 65 岁
    2          3        False          24.0                dsr  评分 560 低于门槛 600
    """
    rules = _as_rules(rules)
    if min_score is not None:
        min_score = check_number(min_score, "min_score")
        check_frame(df, [score], name="df", numeric=[score])
    out = credit_limit(df, **limit_options)
    chk = check_rules(df, rules)
    sc = _values(df, score, "df", allow_nan=True, nonneg=False) if min_score is not None else None
    reasons = []
    for i in range(len(df)):
        parts = [chk["failed_reasons"].iat[i]] if chk["failed_reasons"].iat[i] else []
        if sc is not None:
            if np.isnan(sc[i]):
                parts.append("评分缺失")
            elif sc[i] < min_score:
                parts.append(f"评分 {sc[i]:g} 低于门槛 {min_score:g}")
        if out["credit_limit"].iat[i] <= 0:
            parts.append(f"测算额度为 0（{_CONSTRAINT_NAMES[out['binding_constraint'].iat[i]]}不足）")
        reasons.append("；".join(parts))
    out["rules_passed"] = chk["rules_passed"].to_numpy()
    out["whitelisted"] = np.array([r == "" for r in reasons])
    out["exclusion_reasons"] = pd.array(reasons, dtype="str")
    return out


def whitelist_summary(pre: pd.DataFrame, by: str | Sequence[str] = "village") -> pd.DataFrame:
    """整村授信汇总：按村（或乡镇、客群）统计主体数、入白名单户数、白名单率与授信总额。

    Parameters
    ----------
    pre : DataFrame
        :func:`pre_approve` 的输出（须含分组列），不会被修改。
    by : str or list of str, default "village"
        分组列。

    Returns
    -------
    DataFrame
        以分组列为索引：``n_entities``、``n_whitelisted``、``whitelist_rate``、
        ``total_credit_limit``（白名单主体的额度合计，万元），按授信总额从高到低排列。

    Examples
    --------
    >>> import pandas as pd
    >>> pre = pd.DataFrame({"village": ["东杨庄村", "东杨庄村", "西李屯村"],
    ...                     "whitelisted": [True, False, True], "credit_limit": [10.0, 5.0, 20.0]})
    >>> whitelist_summary(pre)
              n_entities  n_whitelisted  whitelist_rate  total_credit_limit
    village
    西李屯村           1              1             1.0                20.0
    东杨庄村           2              1             0.5                10.0
    """
    by_cols = [by] if isinstance(by, str) else list(by)
    check_frame(pre, [*by_cols, "whitelisted", "credit_limit"], name="pre", numeric=["credit_limit"])
    w = pre["whitelisted"].astype(bool)
    work = pd.DataFrame({"n_entities": 1, "n_whitelisted": w.astype("int64"),
                         "total_credit_limit": pre["credit_limit"].where(w, 0.0)}, index=pre.index)
    for c in by_cols:
        work[c] = pre[c]
    out = work.groupby(by_cols, observed=True).sum()
    out.insert(2, "whitelist_rate", out["n_whitelisted"] / out["n_entities"])
    return out.sort_values("total_credit_limit", ascending=False, kind="stable")


# ---------------------------------------------------------------------------
# 审批决策矩阵
# ---------------------------------------------------------------------------
_ACTIONS = ("approve", "refer", "decline")
_ACTION_NAMES = {"approve": "通过", "refer": "人工复核", "decline": "拒绝"}


@dataclass(frozen=True)
class DecisionMatrix:
    """审批决策矩阵：评分段 × 偿债比段 → 通过 approve / 人工复核 refer / 拒绝 decline。

    Parameters
    ----------
    score_cuts : sequence of float
        评分分段点，升序。``[600, 680]`` 分成三段：<600、600–680、≥680（分数等于分段点
        归入较高一段）。分数刻度取决于本行评分卡，没有通用默认值。
    dsr_cuts : sequence of float, default (0.4, 0.6)
        偿债比分段点，升序。``(0.4, 0.6)`` 分成 ≤40%、40%–60%、>60%（等于分段点归入较低
        一段）。默认值是教学示意。
    actions : sequence of sequence of str, optional
        行 = 评分段（由低到高），列 = 偿债比段（由低到高），取值 approve / refer / decline。
        不给时用 3×3 示意矩阵::

                       ≤40%     40%–60%   >60%
            低分段     拒绝      拒绝      拒绝
            中分段     人工复核  人工复核  拒绝
            高分段     通过      通过      人工复核

    Examples
    --------
    >>> m = DecisionMatrix(score_cuts=[600, 680])
    >>> m.to_frame()
    dsr_band     ≤40% 40%–60%    >60%
    score_band
    <600      decline decline decline
    600–680     refer   refer decline
    ≥680      approve approve   refer
    """

    score_cuts: Sequence[float]
    dsr_cuts: Sequence[float] = (0.4, 0.6)
    actions: Sequence[Sequence[str]] | None = None
    _checked: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self):
        sc = self._cuts(self.score_cuts, "score_cuts")
        dc = self._cuts(self.dsr_cuts, "dsr_cuts")
        if self.actions is None:
            if len(sc) != 2 or len(dc) != 2:
                raise RuralfinValueError(
                    "示意矩阵是 3×3 的：score_cuts 与 dsr_cuts 各给 2 个分段点，或自己给出 actions"
                )
            acts = (("decline",) * 3, ("refer", "refer", "decline"), ("approve", "approve", "refer"))
        else:
            acts = tuple(tuple(row) for row in self.actions)
            if len(acts) != len(sc) + 1 or any(len(row) != len(dc) + 1 for row in acts):
                raise RuralfinValueError(
                    f"actions 应为 {len(sc) + 1} 行（评分段）× {len(dc) + 1} 列（偿债比段），"
                    f"实际是 {len(acts)} 行 × {[len(r) for r in acts]} 列"
                )
            bad = sorted({a for row in acts for a in row if a not in _ACTIONS})
            if bad:
                raise RuralfinValueError(f"actions 里有不认识的决定：{fmt_list(bad)}；可选：approve、refer、decline")
        object.__setattr__(self, "score_cuts", sc)
        object.__setattr__(self, "dsr_cuts", dc)
        object.__setattr__(self, "actions", acts)

    @staticmethod
    def _cuts(cuts, name) -> tuple[float, ...]:
        if isinstance(cuts, (str, bytes)) or not isinstance(cuts, Iterable):
            raise RuralfinTypeError(f"参数 {name} 应为升序的分段点列表，实际是 {cuts!r}")
        vals = tuple(check_number(c, name) for c in cuts)
        if not vals:
            raise RuralfinValueError(f"参数 {name} 至少要有一个分段点")
        if any(b <= a for a, b in zip(vals, vals[1:])):
            raise RuralfinValueError(f"参数 {name} 应严格升序，实际是 {list(vals)}")
        return vals

    @property
    def score_labels(self) -> list[str]:
        c = self.score_cuts
        return [f"<{c[0]:g}"] + [f"{a:g}–{b:g}" for a, b in zip(c, c[1:])] + [f"≥{c[-1]:g}"]

    @property
    def dsr_labels(self) -> list[str]:
        c = [f"{x * 100:g}%" for x in self.dsr_cuts]
        return [f"≤{c[0]}"] + [f"{a}–{b}" for a, b in zip(c, c[1:])] + [f">{c[-1]}"]

    def to_frame(self) -> pd.DataFrame:
        """矩阵本身（行评分段、列偿债比段），便于展示和核对。"""
        return pd.DataFrame(
            [list(r) for r in self.actions],
            index=pd.Index(self.score_labels, name="score_band"),
            columns=pd.Index(self.dsr_labels, name="dsr_band"),
        )

    def band_codes(self, score: np.ndarray, dsr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """评分段、偿债比段的序号（0 起）；缺失为 -1。"""
        s = np.searchsorted(np.asarray(self.score_cuts), score, side="right")
        d = np.searchsorted(np.asarray(self.dsr_cuts), dsr, side="left")
        s = np.where(np.isnan(score), -1, s)
        d = np.where(np.isnan(dsr), -1, d)
        return s, d


def top_adverse_factors(
    points: pd.DataFrame,
    *,
    max_points: Mapping[str, float] | pd.Series | pd.DataFrame | None = None,
    n: int = 3,
    exclude: Sequence[str] = ("base_points", "points"),
) -> pd.DataFrame:
    """每个申请人最不利的 ``n`` 个因素：该特征得分比它的最高可得分少得最多的。

    适用于任何评分卡：只要给出“每个申请人在每个特征上的得分”（行 = 申请人，列 = 特征，
    值 = 分数，例如评分卡的逐特征得分）。差距 = 该特征最高分 − 本人得分；差距为 0 的特征
    不算不利因素。并列时按列顺序。

    Parameters
    ----------
    points : DataFrame
        逐特征得分，不会被修改；可直接用 ``Scorecard.points_breakdown(X)`` 的输出
        （基础分、总分两列按 ``exclude`` 自动略过）。
    max_points : mapping, Series or DataFrame, optional
        各特征的最高可得分：字典/Series（特征 → 最高分），或评分卡表
        （含 ``feature``、``points`` 两列，如 ``Scorecard.scorecard_table()``，取每个特征
        各箱得分的最大值）。不给时用 ``points`` 中该列的最大值——只有当样本里有人落在
        最好的箱时，它才等于评分卡上的最高分。
    n : int, default 3
        列出几个因素。
    exclude : sequence of str, default ("base_points", "points")
        不算作特征的列。

    Returns
    -------
    DataFrame
        与 ``points`` 同索引，列 ``factor_1``…``factor_n``（特征名，不足时为缺失）、
        ``shortfall_1``…``shortfall_n``（差距分数）和 ``adverse_factors``（中文说明，特征
        名取自标签登记处）。

    Examples
    --------
    >>> import pandas as pd
    >>> pts = pd.DataFrame({"years_in_business": [10, 40], "credit_inquiries_6m": [5, 30],
    ...                     "owns_house": [20, 20]})
    >>> top_adverse_factors(pts, max_points={"years_in_business": 40, "credit_inquiries_6m": 30,
    ...                                      "owns_house": 20}, n=2)[["factor_1", "shortfall_1", "factor_2"]]
                factor_1  shortfall_1             factor_2
    0  years_in_business         30.0  credit_inquiries_6m
    1                NaN          NaN                  NaN
    """
    from .. import labels

    check_frame(points, [], name="points", allow_empty=True)
    n = check_int(n, "n", min_value=1)
    cols = [c for c in points.columns if c not in set(exclude)]
    points = points[cols]
    bad = [c for c in cols if not pd.api.types.is_numeric_dtype(points[c].dtype)
           or pd.api.types.is_bool_dtype(points[c].dtype)]
    if bad:
        raise RuralfinTypeError(f"points 中这些列应为数值（逐特征得分）：{fmt_list(bad)}")
    v = points.to_numpy(dtype="float64", na_value=np.nan)
    if max_points is None:
        mx = np.nanmax(np.where(np.isnan(v), -np.inf, v), axis=0) if len(v) else np.zeros(len(cols))
    else:
        if isinstance(max_points, pd.DataFrame):
            check_frame(max_points, ["feature", "points"], name="max_points", numeric=["points"])
            mp = max_points.groupby("feature", observed=True)["points"].max()
        elif isinstance(max_points, pd.Series):
            mp = max_points
        else:
            mp = pd.Series(max_points, dtype="float64")
        missing = [c for c in cols if c not in mp.index]
        if missing:
            raise RuralfinValueError(f"max_points 缺少这些特征的最高分：{fmt_list(missing)}")
        mx = mp.reindex(cols).to_numpy(dtype="float64")
    short = mx[None, :] - v
    short = np.where(np.isnan(short), 0.0, short)
    order = np.argsort(-short, axis=1, kind="stable")
    out = pd.DataFrame(index=points.index)
    k = min(n, len(cols))
    texts = [[] for _ in range(len(points))]
    for j in range(n):
        names = np.full(len(points), None, dtype=object)
        gaps = np.full(len(points), np.nan)
        if j < k:
            idx = order[:, j]
            g = short[np.arange(len(points)), idx]
            has = g > 1e-12
            for i in np.flatnonzero(has):
                names[i] = cols[idx[i]]
                gaps[i] = g[i]
                texts[i].append(f"{labels.label(cols[idx[i]], unit=False)}（比最高分少 {g[i]:g} 分）")
        out[f"factor_{j + 1}"] = pd.array(names, dtype="str")
        out[f"shortfall_{j + 1}"] = gaps
    out = out[[f"factor_{j + 1}" for j in range(n)] + [f"shortfall_{j + 1}" for j in range(n)]]
    out["adverse_factors"] = pd.array(["、".join(t) for t in texts], dtype="str")
    return out


def decide(
    df: pd.DataFrame,
    matrix: DecisionMatrix,
    *,
    score: str = "points",
    dsr: str = "dsr",
    rules: Sequence[Rule | tuple | Mapping] | None = None,
    points: pd.DataFrame | None = None,
    max_points: Mapping[str, float] | pd.Series | None = None,
    n_factors: int = 3,
) -> pd.DataFrame:
    """审批决策：先过硬性规则，再查评分段 × 偿债比段矩阵，给出决定与中文原因。

    - 硬性规则（``rules``，格式同 :class:`Rule`）任何一条不满足 → 拒绝，原因写明规则。
    - 评分或偿债比缺失 → 人工复核。
    - 偿债比为 ``inf``（收入为 0，见 :func:`debt_service_ratio`）→ 无法计算偿债比，按
      **最高的偿债比段**查矩阵：该格是拒绝就拒绝，是人工复核就转人工；该格即使是通过，
      也只转人工复核——收入为 0 的申请不自动通过。原因写“收入为 0，无法计算偿债比”，
      原因代码 ``no_income``。
    - 其余按 ``matrix`` 的格子决定。被拒或转人工时，原因写明是评分太低（该评分段不论
      偿债比多低都不通过）、偿债比太高（该偿债比段不论评分多高都不通过），还是两者组合。
    - 给出 ``points``（逐特征得分，与 ``df`` 同索引）时，拒绝和转人工的原因里再列出
      差距最大的 ``n_factors`` 个不利因素（见 :func:`top_adverse_factors`）。

    Parameters
    ----------
    df : DataFrame
        一行一笔申请，不会被修改。
    matrix : DecisionMatrix
        决策矩阵。
    score, dsr : str
        评分列（默认 ``points``，即 ``Scorecard.predict_points`` 的总分）、偿债比列（小数，
        可用 :func:`debt_service_ratio` 计算）。
    rules : list, optional
        硬性拒绝规则（规则成立才可继续，不成立即拒绝）。
    points : DataFrame, optional
        逐特征得分。
    max_points : mapping or Series, optional
        各特征最高分；见 :func:`top_adverse_factors`。
    n_factors : int, default 3
        列出几个不利因素。

    Returns
    -------
    DataFrame
        输入的副本，新增 ``score_band``、``dsr_band``、``auto_decision``（approve 通过 /
        refer 人工复核 / decline 拒绝；不叫 ``decision``，以免覆盖申请表里的历史审批结果）、``reason_codes``（机器可读，用“;”连接：``rule:列名``、``score_low``、
        ``dsr_high``、``score_dsr``、``no_income``、``missing_score``、``missing_dsr``、
        ``factor:特征名``）
        和 ``decision_reasons``（中文原因；通过时为空）。

    Examples
    --------
    >>> import pandas as pd
    >>> apps = pd.DataFrame({"points": [700, 650, 550, 700], "dsr": [0.3, 0.7, 0.2, 0.3],
    ...                      "court_cases": [0, 0, 0, 2]})
    >>> m = DecisionMatrix(score_cuts=[600, 680])
    >>> out = decide(apps, m, rules=[("court_cases", "==", 0, "有涉诉记录")])
    >>> out[["auto_decision", "reason_codes"]]
      auto_decision    reason_codes
    0  approve
    1  decline         score_dsr
    2  decline         score_low
    3  decline  rule:court_cases
    >>> print(out.loc[1, "decision_reasons"])
    评分 650（600–680 段）与偿债比 70%（>60% 段）的组合不予通过
    >>> print(out.loc[2, "decision_reasons"])
    评分 550 过低（<600 段不论偿债比高低都不予通过）
    """
    if not isinstance(matrix, DecisionMatrix):
        raise RuralfinTypeError(f"参数 matrix 应为 DecisionMatrix，实际是 {type(matrix).__name__}")
    check_frame(df, [score, dsr], name="df", numeric=[score, dsr])
    rules = _as_rules(rules) if rules is not None else []
    sc = _values(df, score, "df", allow_nan=True, nonneg=False)
    ds = _values(df, dsr, "df", allow_nan=True)
    chk = check_rules(df, rules) if rules else None
    factors = None
    if points is not None:
        if not isinstance(points, pd.DataFrame):
            raise RuralfinTypeError(f"参数 points 应为 DataFrame（行 = 申请，列 = 特征得分），实际是 {type(points).__name__}")
        if not points.index.equals(df.index):
            missing = df.index.difference(points.index)
            if len(missing):
                raise RuralfinValueError(
                    f"points 的索引应与 df 一致：缺少 {len(missing)} 个申请（如 {fmt_list(missing[:5])}）"
                )
            points = points.loc[df.index]
        factors = top_adverse_factors(points, max_points=max_points, n=n_factors)

    sb, db = matrix.band_codes(sc, ds)
    acts = np.array(matrix.actions, dtype=object)
    n_s, n_d = acts.shape
    row_all_decline = (acts == "decline").all(axis=1)
    col_all_decline = (acts == "decline").all(axis=0)
    decision, codes, reasons = [], [], []
    s_labels, d_labels = matrix.score_labels, matrix.dsr_labels
    for i in range(len(df)):
        c, r = [], []
        if chk is not None and not chk["rules_passed"].iat[i]:
            act = "decline"
            c += [f"rule:{x}" for x in chk["failed_rules"].iat[i].split(";")]
            r.append("未满足硬性规则：" + chk["failed_reasons"].iat[i])
        elif sb[i] < 0 or db[i] < 0:
            act = "refer"
            if sb[i] < 0:
                c.append("missing_score")
                r.append("评分缺失")
            if db[i] < 0:
                c.append("missing_dsr")
                r.append("偿债比缺失")
            r[-1] += "，转人工复核"
        elif np.isinf(ds[i]):  # 收入为 0：按最高偿债比段处理，且不自动通过
            act = acts[sb[i], db[i]]
            if act == "approve":
                act = "refer"
            if act == "decline" and row_all_decline[sb[i]]:
                c.append("score_low")
                r.append(f"评分 {sc[i]:g} 过低（{s_labels[sb[i]]} 段不论偿债比高低都不予通过）")
                r.append("收入为 0，无法计算偿债比")
            else:
                verb = "不予通过" if act == "decline" else "转人工复核"
                r.append(f"收入为 0，无法计算偿债比（按最高偿债比段 {d_labels[db[i]]} 处理，{verb}）")
            c.append("no_income")
        else:
            act = acts[sb[i], db[i]]
            if act != "approve":
                verb = "不予通过" if act == "decline" else "需人工复核"
                tail = "不论偿债比高低都" if act == "decline" else ""
                if row_all_decline[sb[i]] and act == "decline":
                    c.append("score_low")
                    r.append(f"评分 {sc[i]:g} 过低（{s_labels[sb[i]]} 段{tail}{verb}）")
                elif col_all_decline[db[i]] and act == "decline":
                    c.append("dsr_high")
                    r.append(f"偿债比 {ds[i] * 100:.0f}% 过高（{d_labels[db[i]]} 段不论评分高低都{verb}）")
                else:
                    c.append("score_dsr")
                    r.append(f"评分 {sc[i]:g}（{s_labels[sb[i]]} 段）与偿债比 {ds[i] * 100:.0f}%"
                             f"（{d_labels[db[i]]} 段）的组合{verb}")
        if act != "approve" and factors is not None and factors["adverse_factors"].iat[i]:
            for j in range(n_factors):
                f = factors[f"factor_{j + 1}"].iat[i]
                if isinstance(f, str):
                    c.append(f"factor:{f}")
            r.append("主要不利因素：" + factors["adverse_factors"].iat[i])
        decision.append(act)
        codes.append(";".join(c))
        reasons.append("；".join(r))

    out = df.copy()
    out["score_band"] = pd.Categorical.from_codes(np.where(sb < 0, -1, sb), categories=s_labels, ordered=True)
    out["dsr_band"] = pd.Categorical.from_codes(np.where(db < 0, -1, db), categories=d_labels, ordered=True)
    out["auto_decision"] = pd.Categorical(decision, categories=list(_ACTIONS))
    out["reason_codes"] = pd.array(codes, dtype="str")
    out["decision_reasons"] = pd.array(reasons, dtype="str")
    return out


# ---------------------------------------------------------------------------
# 切分点取舍
# ---------------------------------------------------------------------------
def cutoff_table(
    df: pd.DataFrame,
    *,
    score: str = "points",
    prob_default: str = "prob_default",
    outcome: str | None = None,
    amount: str | float = 10.0,
    cutoffs: Sequence[float] | None = None,
    interest_rate: float = 6.0,
    funding_cost: float = 2.0,
    operating_cost: float = 1.2,
    lgd: float = 0.5,
) -> pd.DataFrame:
    """切分点取舍表：切分点上移下移时，通过率、预期坏账率、实际坏账率与预期利润怎么变。

    评分不低于切分点即通过。单位经济（一年期、教学简化，参数可改）：

    - 好客户一年利润 = 金额 × (利率 − 资金成本 − 运营成本)；
    - 坏客户损失 = 金额 × (资金成本 + 运营成本 + LGD)，即假设坏客户不付息、损失本金的
      LGD 部分且照样占用资金和运营成本；
    - 预期利润 = Σ 金额 × [(1 − PD) × 净利差 − PD × (资金成本 + 运营成本 + LGD)]。

    默认值取自 FACTS §5 的示意计算（资金成本 2.0%、运营成本 1.2%、LGD 50%）与示意利率 6%，
    仅作教学示例。

    Parameters
    ----------
    df : DataFrame
        一行一笔申请，不会被修改。
    score : str, default "points"
        评分列（越高越好）。
    prob_default : str, default "prob_default"
        模型预测的违约概率（0–1）。
    outcome : str, optional
        实际是否变坏（0/1 或 True/False），给出时加算实际坏账率与实际利润；
        缺失的行（如被拒未放款）不计入实际口径。
    amount : str or float, default 10.0
        每笔金额（万元），一个数或一列。
    cutoffs : sequence of float, optional
        要比较的切分点；不给时取评分的 0%、5%、…、95% 分位数（去重）。
    interest_rate, funding_cost, operating_cost : float
        年利率、资金成本率（FTP）、运营成本率，年化百分数（6.0 表示 6%）。
    lgd : float, default 0.5
        违约损失率，0–1 的小数。

    Returns
    -------
    DataFrame
        一行一个切分点：``cutoff``、``n_approved``、``approval_rate``、``expected_bad_rate``
        （通过者的平均 PD）、``expected_profit``（万元）；给出 ``outcome`` 时再加
        ``actual_bad_rate``、``actual_profit``。

    Examples
    --------
    >>> import pandas as pd
    >>> apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01],
    ...                      "bad": [1, 0, 0, 0]})
    >>> tab = cutoff_table(apps, outcome="bad", cutoffs=[550, 650])
    >>> tab[["cutoff", "approval_rate", "expected_bad_rate", "expected_profit", "actual_profit"]].round(3)
       cutoff  approval_rate  expected_bad_rate  expected_profit  actual_profit
    0   550.0           0.75              0.053           -0.056           0.84
    1   650.0           0.50              0.030            0.224           0.56

    PD 为 10% 的那笔预期亏损 0.28 万元，把切分点从 550 提到 650 反而多赚。
    """
    name = "df"
    cols = [score, prob_default] + ([outcome] if outcome else []) + ([amount] if isinstance(amount, str) else [])
    check_frame(df, cols, name=name, numeric=[score, prob_default] + ([amount] if isinstance(amount, str) else []))
    rate = _pct(interest_rate, "interest_rate") / 100
    fc = _pct(funding_cost, "funding_cost", hi=100.0) / 100
    oc = _pct(operating_cost, "operating_cost", hi=100.0) / 100
    lgd = check_number(lgd, "lgd", min_value=0, max_value=1)
    sc = _values(df, score, name, nonneg=False)
    pdv = _values(df, prob_default, name)
    if (pdv > 1).any():
        raise RuralfinValueError(f"{name} 的列 {prob_default} 应为 0–1 之间的概率，发现大于 1 的值")
    if isinstance(amount, str):
        amt = _values(df, amount, name)
    else:
        amt = np.full(len(df), check_number(amount, "amount", min_value=0))
    y = None
    if outcome:
        s = df[outcome]
        if not (pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype)):
            raise RuralfinTypeError(f"{name} 的列 {outcome} 应为 0/1 或 True/False，实际类型是 {s.dtype}")
        y = s.to_numpy(dtype="float64", na_value=np.nan)
        if not np.isin(y[~np.isnan(y)], (0.0, 1.0)).all():
            raise RuralfinValueError(f"{name} 的列 {outcome} 只能取 0/1（或 True/False）")
    if cutoffs is None:
        cuts = np.unique(np.quantile(sc, np.linspace(0, 0.95, 20)))
    else:
        if isinstance(cutoffs, (str, bytes)) or not isinstance(cutoffs, Iterable):
            raise RuralfinTypeError(f"参数 cutoffs 应为切分点列表，实际是 {cutoffs!r}")
        cuts = np.array([check_number(c, "cutoffs") for c in cutoffs])
    margin = rate - fc - oc
    loss = fc + oc + lgd
    exp_profit_each = amt * ((1 - pdv) * margin - pdv * loss)
    rows = []
    for c in cuts:
        ok = sc >= c
        n_ok = int(ok.sum())
        row = {
            "cutoff": float(c),
            "n_approved": n_ok,
            "approval_rate": n_ok / len(df),
            "expected_bad_rate": float(pdv[ok].mean()) if n_ok else np.nan,
            "expected_profit": float(exp_profit_each[ok].sum()),
        }
        if y is not None:
            known = ok & ~np.isnan(y)
            yk = y[known]
            row["actual_bad_rate"] = float(yk.mean()) if known.any() else np.nan
            row["actual_profit"] = float((amt[known] * np.where(yk == 1, -loss, margin)).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def plot_cutoff_tradeoff(table: pd.DataFrame, *, ax=None, title: str | None = None):
    """画切分点取舍图：上图通过率与坏账率，下图利润，横轴都是评分切分点。

    通过率在 0–100% 之间，而坏账率通常只有几个百分点，挤在同一刻度上会变成贴着
    0 的平线，所以分开画：

    - 上图左轴：通过率（%，0–100）；
    - 上图右轴：预期坏账率，以及（表里有时）实际坏账率（%，刻度按坏账率自身范围，从 0 起）；
    - 下图：预期利润，以及（表里有时）实际利润（万元），灰线为 0。

    Parameters
    ----------
    table : DataFrame
        :func:`cutoff_table` 的输出；给了 ``outcome`` 的表含 ``actual_bad_rate``、
        ``actual_profit``，会一并画出。
    ax : matplotlib Axes, optional
        画在哪个 Axes 上；不给则新建一张图。下图从这个 Axes 的区域里划出（上下各一半左右）。
    title : str, optional
        图标题（写在上图）。

    Returns
    -------
    matplotlib Axes
        上图（通过率）的 Axes，即传入的 ``ax``。另两个 Axes 挂在它上面：
        ``ax.bad_rate_ax``（上图右侧的坏账率轴）和 ``ax.profit_ax``（下图利润）。

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01],
    ...                      "bad": [1, 0, 0, 0]})
    >>> ax = plot_cutoff_tradeoff(cutoff_table(apps, outcome="bad", cutoffs=[550, 650, 750]))
    >>> len(ax.get_lines()), len(ax.bad_rate_ax.get_lines()), ax.profit_ax.get_ylabel()
    (1, 2, '利润（万元）')
    >>> plt.close("all")
    """
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    from ..labels import label
    from ..plotting import get_ax

    check_frame(table, ["cutoff", "approval_rate", "expected_bad_rate", "expected_profit"], name="table")
    ax = get_ax(ax, figsize=(8, 6.5))
    x = table["cutoff"].to_numpy(dtype=float)
    has_actual_bad = "actual_bad_rate" in table.columns
    has_actual_profit = "actual_profit" in table.columns

    # 下图从 ax 的区域里划出；右轴要跟着同一个定位器，否则会盖满原来的整块区域
    profit_ax = make_axes_locatable(ax).append_axes("bottom", size="80%", pad=0.35, sharex=ax)
    bad_ax = ax.twinx()
    bad_ax.set_axes_locator(ax.get_axes_locator())

    ax.plot(x, table["approval_rate"] * 100, color="tab:blue", marker="o", label=label("approval_rate"))
    ax.set_ylim(0, 105)
    ax.set_ylabel("通过率（%）")
    ax.tick_params(labelbottom=False)

    bad_ax.plot(x, table["expected_bad_rate"] * 100, color="tab:red", marker="s",
                label=label("expected_bad_rate"))
    if has_actual_bad:
        bad_ax.plot(x, table["actual_bad_rate"] * 100, color="tab:red", marker="^", linestyle="--",
                    label=label("actual_bad_rate"))
    bad_ax.set_ylim(bottom=0)
    bad_ax.set_ylabel("坏账率（%）", color="tab:red")
    bad_ax.tick_params(axis="y", colors="tab:red")
    bad_ax.spines["right"].set_visible(True)
    bad_ax.grid(False)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = bad_ax.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper right", fontsize="small")  # 各线随切分点上移而下降，右上角通常空着
    ax.set_title(title or "切分点取舍：通过率、坏账率与利润")

    profit_ax.axhline(0, color="gray", linewidth=0.8)
    profit_ax.plot(x, table["expected_profit"], color="tab:green", marker="d", label=label("expected_profit", unit=False))
    if has_actual_profit:
        profit_ax.plot(x, table["actual_profit"], color="tab:green", marker="^", linestyle="--",
                       label=label("actual_profit", unit=False))
    profit_ax.set_ylabel("利润（万元）")
    profit_ax.set_xlabel(label("cutoff"))
    profit_ax.legend(loc="best", fontsize="small")

    ax.bad_rate_ax = bad_ax
    ax.profit_ax = profit_ax
    return ax
