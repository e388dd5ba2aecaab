"""存量客户挖掘：有存款或结算、但没有贷款的存量客户里，按一张可改的规则表（:func:`prospect_rules`）
打分，找出值得营销贷款的（:func:`existing_customer_prospects`）。规则只用银行看得到的列。"""

from __future__ import annotations

import warnings
from numbers import Real

import numpy as np
import pandas as pd

from .. import labels
from .._validation import bool_column, check_frame, check_number, fmt_list, key_columns, numeric_column
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning

__all__ = ["prospect_rules", "existing_customer_prospects"]

#: 默认规则：rule, rule_column, rule_op, rule_threshold, rule_points, rule_type；
#: 说明文字登记在 labels 的 ``segments.rule.<rule>`` 下。
_RULES = [
    ("deposit", "deposit_balance", ">=", 5.0, 25.0, "score"),
    ("active_flows", "flow_months_12m", ">=", 10, 20.0, "score"),
    ("growing_flows", "inflow_trend", ">=", 0.0, 10.0, "score"),
    ("long_relationship", "customer_years", ">=", 2.0, 10.0, "score"),
    ("established", "years_in_business", ">=", 3, 15.0, "score"),
    ("uses_settlement", "has_settlement", "==", True, 10.0, "score"),
    ("good_visit", "manager_visit_score", ">=", 4, 10.0, "score"),
    ("police_flag", "public_security_flag", "==", True, 0.0, "exclude"),
    ("lawsuits", "court_cases", ">=", 1, 0.0, "exclude"),
    ("credit_overdue", "max_dpd_24m", ">", 30, 0.0, "exclude"),
]
_OPS = {
    ">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less,
    "==": np.equal, "!=": np.not_equal,
}
_RULE_COLUMNS = ["rule", "rule_column", "rule_op", "rule_threshold", "rule_points", "rule_type"]


def prospect_rules() -> pd.DataFrame:
    """存量客户挖掘的默认打分规则（一张可以直接改的表）。

    每行一条规则：``rule_column`` 列满足 ``rule_op rule_threshold`` 时，``rule_type="score"``
    的规则加 ``rule_points`` 分，``rule_type="exclude"`` 的规则直接排除该客户。所有列都来自
    :func:`~ruralfin.segments.customer_summary`（银行看得到的数据），**不用任何真相列**。
    这是课程的教学示例，阈值与分值不是任何银行的现行标准，请按本行经验调整。

    Returns
    -------
    DataFrame
        列：``rule``、``rule_column``、``rule_op``、``rule_threshold``、``rule_points``、``rule_type``、
        ``rule_text``。改阈值的例子：``rules.loc[rules["rule"] == "deposit", "rule_threshold"] = 10``
        （``rule_text`` 是默认规则的说明，改了阈值请一并改它）。

    Examples
    --------
    >>> r = prospect_rules()
    >>> float(r.loc[r["rule_type"] == "score", "rule_points"].sum())
    100.0
    >>> r[["rule", "rule_column", "rule_op", "rule_threshold", "rule_points"]].head(2)
               rule      rule_column rule_op rule_threshold  rule_points
    0       deposit  deposit_balance      >=            5.0         25.0
    1  active_flows  flow_months_12m      >=             10         20.0
    """
    rules = pd.DataFrame(_RULES, columns=_RULE_COLUMNS)
    rules["rule_text"] = [labels.text(f"segments.rule.{r}") for r in rules["rule"]]
    return rules


def existing_customer_prospects(
    customers: pd.DataFrame,
    *,
    rules: pd.DataFrame | None = None,
    min_score: float = 0.0,
    entity_id: str = "entity_id",
) -> pd.DataFrame:
    """存量客户挖掘：有存款或结算、还没有贷款的客户里，谁最值得营销信贷产品。

    对象：``has_credit`` 为假、且 ``has_deposit`` 或 ``has_settlement`` 为真的客户。
    按 :func:`prospect_rules` 的规则打分：满足一条加一条的分；触发排除规则的不进名单；
    列值缺失（如从未走访、没有征信记录）视为不满足这条规则——这是逐行的约定，缺失值原样留在结果里；
    无穷大、阈值缺失或分值缺失则报错。规则里用到、但 ``customers`` 里没有的列会被跳过，
    并给出 :class:`~ruralfin.errors.RuralfinWarning`（满分相应降低，见 ``max_points``）。

    Parameters
    ----------
    customers : DataFrame
        :func:`~ruralfin.segments.customer_summary` 的结果（或含同名列的本行客户表）。
    rules : DataFrame, optional
        打分规则，默认 :func:`prospect_rules`。可以改阈值、分值，增删规则。
    min_score : float, default 0.0
        只保留分数不低于它的客户。
    entity_id : str, default "entity_id"
        客户编号列。

    Returns
    -------
    DataFrame
        ``customers`` 的全部列，加 ``prospect_score``（得分）、``max_points``（可得的满分）、
        ``score_reasons``（得分理由，中文，以“；”分隔），按分数从高到低排序（同分时存款日均
        高者在前），``rank`` 为名次。

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"entity_id": [1, 2, 3, 4], "has_credit": [False, False, True, False],
    ...     "has_deposit": [True, True, True, False], "has_settlement": [True, False, False, True],
    ...     "deposit_balance": [8.0, 1.0, 30.0, 0.0], "years_in_business": [5, 1, 9, 4],
    ...     "court_cases": [0, 0, 0, 2]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     p = existing_customer_prospects(c)
    >>> p[["rank", "entity_id", "prospect_score", "max_points"]]
       rank  entity_id  prospect_score  max_points
    0     1          1            50.0        50.0
    1     2          2             0.0        50.0
    >>> p.loc[0, "score_reasons"]
    '存款近 12 个月日均不少于 5 万元；经营满 3 年；在用我行支付结算产品'
    """
    check_frame(customers, name="customers")
    entity = key_columns(customers, entity_id, param="entity_id", frame="customers", unique=True)[0]
    has_credit = bool_column(customers, "has_credit", frame="customers")
    has_dep = bool_column(customers, "has_deposit", frame="customers")
    has_set = bool_column(customers, "has_settlement", frame="customers")
    rules = prospect_rules() if rules is None else rules
    check_frame(rules, _RULE_COLUMNS, name="rules")
    numeric_column(rules, "rule_points", frame="rules")
    for i, r in rules.iterrows():
        thr = r["rule_threshold"]
        if not (isinstance(thr, (str, bool, np.bool_)) or (isinstance(thr, Real) and np.isfinite(thr))):
            raise RuralfinValueError(
                f"rules 第 {i} 行（{r['rule']}）的 rule_threshold 应为有限的数、True/False 或有序类别的取值，"
                f"实际是 {thr!r}")
        if r["rule_op"] not in _OPS:
            raise RuralfinValueError(
                f"rules 第 {i} 行（{r['rule']}）的 rule_op {r['rule_op']!r} 不认识，可选：{fmt_list(_OPS)}")
        if r["rule_type"] not in ("score", "exclude"):
            raise RuralfinValueError(
                f"rules 第 {i} 行（{r['rule']}）的 rule_type {r['rule_type']!r} 不认识，可选：score、exclude")
    floor = check_number(min_score, "min_score")
    skipped = [r for r in rules["rule_column"] if r not in customers.columns]
    if skipped:
        warnings.warn(
            f"customers 没有这些列，相应规则被跳过：{fmt_list(sorted(set(skipped)))}"
            "（可在 customer_summary 里给出 account_flows、external_data、soft_info 等表）",
            RuralfinWarning, stacklevel=2,
        )
    for col in dict.fromkeys(rules["rule_column"]):
        if col in customers.columns and pd.api.types.is_numeric_dtype(customers[col].dtype) \
                and not pd.api.types.is_bool_dtype(customers[col].dtype):
            numeric_column(customers, col, frame="customers", allow_nan=True)  # 缺失 = 不满足；无穷大是坏数据
    pool = customers[~has_credit & (has_dep | has_set)]
    n = len(pool)
    score = np.zeros(n)
    excluded = np.zeros(n, dtype=bool)
    reasons: list[list[str]] = [[] for _ in range(n)]
    max_points = 0.0
    for _, r in rules.iterrows():
        col = r["rule_column"]
        if col not in pool.columns:
            continue
        s = pool[col]
        if isinstance(s.dtype, pd.CategoricalDtype) and s.cat.ordered and isinstance(r["rule_threshold"], str):
            vals = s.cat.codes.to_numpy(dtype=float)
            vals[s.isna().to_numpy()] = np.nan
            if r["rule_threshold"] not in s.cat.categories:
                raise RuralfinValueError(
                    f"规则 {r['rule']} 的阈值 {r['rule_threshold']!r} 不是列 {col} 的取值（{fmt_list(s.cat.categories)}）"
                )
            thr = float(list(s.cat.categories).index(r["rule_threshold"]))
            hit = _OPS[r["rule_op"]](vals, thr) & ~np.isnan(vals)
        else:
            arr = s.to_numpy(dtype=object)
            valid = ~pd.isna(arr)
            hit = np.zeros(n, dtype=bool)
            try:
                hit[valid] = _OPS[r["rule_op"]](arr[valid], r["rule_threshold"]).astype(bool)
            except TypeError as exc:
                raise RuralfinTypeError(
                    f"规则 {r['rule']}：列 {col} 的取值无法与阈值 {r['rule_threshold']!r} 比较（{s.dtype}）"
                ) from exc
        if r["rule_type"] == "exclude":
            excluded |= hit
        else:
            pts = float(r["rule_points"])
            max_points += pts
            score += np.where(hit, pts, 0.0)
            text = r["rule_text"] if "rule_text" in rules.columns and isinstance(r["rule_text"], str) else r["rule"]
            for i in np.flatnonzero(hit):
                reasons[i].append(text)
    res = pool.copy()
    res["prospect_score"] = score
    res["max_points"] = max_points
    res["score_reasons"] = ["；".join(x) for x in reasons]
    res = res[~excluded & (score >= floor)]
    order = ["prospect_score"] + (["deposit_balance"] if "deposit_balance" in res.columns else []) + [entity]
    res = res.sort_values(order, ascending=[False] * (len(order) - 1) + [True], kind="stable").reset_index(drop=True)
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res
