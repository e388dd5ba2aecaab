"""预授信与整村授信：准入规则、白名单与按村汇总。

一个主体进入预授信白名单，须同时满足全部准入规则（:class:`Rule`、:func:`check_rules`）、
评分门槛和测算额度大于 0（额度见 :func:`ruralfin.risk.limits.credit_limit`）。所有函数接收
DataFrame、返回新表，不修改输入。规则、门槛等都是**教学示意**，实际使用时应按本行制度设定。
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._validation import (bool_column, check_frame, check_number, column_names, fmt_list, key_columns,
                           numeric_column)
from ..errors import RuralfinError, RuralfinTypeError, RuralfinValueError, RuralfinWarning
from .limits import credit_limit

__all__ = [
    "Rule",
    "check_rules",
    "pre_approve",
    "whitelist_summary",
]


_OPS = {
    ">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal,
    "==": np.equal, "!=": np.not_equal,
}
_SET_OPS = ("in", "not in")


class _RuleFields(NamedTuple):
    column: str
    op: str
    threshold: Any
    reason: str
    missing: str = "fail"


class Rule(_RuleFields):
    """一条准入规则：``column operator threshold`` **成立才准入**，不成立时给出 ``reason``。

    构造时就检查：运算符认识、门槛是有限的数（或文字、有序类别的取值）、``in``/``not in`` 的门槛是
    取值列表、原因不为空。写错的规则（如门槛是 NaN）当场报错，而不是让所有人都“不满足”。

    Parameters
    ----------
    column : str
        列名。
    op : str
        ``>``、``>=``、``<``、``<=``、``==``、``!=``、``in``、``not in``。
    threshold : object
        门槛值：数字须有限（不能是 NaN、无穷大）；``in``/``not in`` 时为取值列表。
    reason : str
        不满足时的中文原因，如 ``"经营年限不足 2 年"``。
    missing : {"fail", "pass"}, default "fail"
        该列缺失时算不满足还是满足。例如“近 24 个月最长逾期 ≤ 30 天”对没有征信记录的
        首贷户常设为 ``"pass"``，以免把首贷户一律挡在门外。

    Examples
    --------
    >>> Rule("years_in_business", ">=", 2, "经营年限不足 2 年")
    Rule(column='years_in_business', op='>=', threshold=2, reason='经营年限不足 2 年', missing='fail')
    >>> Rule("years_in_business", ">=", float("nan"), "经营年限不足 2 年")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 规则（列 years_in_business）的门槛应为有限的数，实际是 nan
    """

    __slots__ = ()

    def __init__(self, column, op, threshold, reason, missing="fail"):  # noqa: ARG002 - 字段已由 __new__ 填好
        _check_rule(self)


def _check_rule(rule: Rule) -> None:
    """一条规则本身写得对不对（与数据无关）；报错信息以“规则（列 …）”开头。"""
    from numbers import Real

    column, op, thr = rule.column, rule.op, rule.threshold
    if not isinstance(column, str) or not column:
        raise RuralfinTypeError(f"规则的列名 column 应为非空字符串，实际是 {column!r}")
    if not isinstance(op, str) or (op not in _OPS and op not in _SET_OPS):
        raise RuralfinValueError(f"规则（列 {column}）的运算符 {op!r} 不认识，可选：{fmt_list([*_OPS, *_SET_OPS])}")
    if not isinstance(rule.missing, str) or rule.missing not in ("fail", "pass"):
        raise RuralfinValueError(f"规则（列 {column}）的 missing 应为 'fail' 或 'pass'，实际是 {rule.missing!r}")
    if not isinstance(rule.reason, str) or not rule.reason.strip():
        raise RuralfinValueError(f"规则（列 {column}）缺少中文原因 reason")
    if op in _SET_OPS:
        if isinstance(thr, (str, bytes, Mapping)) or not isinstance(thr, Iterable):
            raise RuralfinTypeError(f"规则（列 {column}）用 {op!r} 时门槛应为取值列表，实际是 {thr!r}")
        values = list(thr)
        if any(pd.api.types.is_scalar(v) and pd.isna(v) for v in values):
            raise RuralfinValueError(f"规则（列 {column}）的取值列表里不能有缺失值；该列缺失时算满足还是不满足，由 missing= 决定")
        return
    if thr is None or (pd.api.types.is_scalar(thr) and not isinstance(thr, str) and pd.isna(thr)):
        raise RuralfinValueError(f"规则（列 {column}）的门槛应为有限的数，实际是 {thr}")
    if isinstance(thr, Real) and not isinstance(thr, (bool, np.bool_)):
        if not np.isfinite(float(thr)):
            raise RuralfinValueError(f"规则（列 {column}）的门槛应为有限的数，实际是 {thr}")
    elif not pd.api.types.is_scalar(thr):
        raise RuralfinTypeError(f"规则（列 {column}）用 {op!r} 时门槛应为一个值，实际是 {thr!r}；多个取值请用 'in' 或 'not in'")


def _as_rules(rules) -> list[Rule]:
    if isinstance(rules, (Rule, str)) or not isinstance(rules, Iterable):
        raise RuralfinTypeError("参数 rules 应为规则列表，如 [Rule('operator_age', '<=', 65, '经营者超过 65 岁')]")
    out = []
    for i, r in enumerate(rules, 1):
        try:
            if isinstance(r, Rule):
                _check_rule(r)  # 用 _replace 等改过的规则不经过构造检查，这里再查一次
                rule = r
            elif isinstance(r, Mapping):
                try:
                    rule = Rule(**r)
                except TypeError:
                    raise RuralfinValueError(
                        f"规则应含键 column、op、threshold、reason（可选 missing），实际是 {sorted(map(str, r))}"
                    ) from None
            elif isinstance(r, (tuple, list)) and len(r) in (4, 5):
                rule = Rule(*r)
            else:
                raise RuralfinTypeError(f"规则应为 Rule、(列, 运算符, 门槛, 原因) 或字典，实际是 {r!r}")
        except RuralfinError as err:  # 本库自己的报错：加上“第几条”再抛出
            raise type(err)(f"第 {i} 条{err}") from None
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
            if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
                # 缺失按规则的 missing 处理；无穷大不是真实的取值，报错而不是悄悄算“不满足”
                vals = numeric_column(df, rule.column, frame="df", allow_nan=True)
            else:
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
    写明全部原因。逐行处理缺失：评分缺失的主体不进白名单（并给出中文警告），规则列缺失按
    该条规则的 ``missing`` 处理；输出里照样保留这些缺失值。表里有 ``entity_id`` 列时，编号
    不许缺失（白名单上的主体要能找到人）。

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
        传给 :func:`~ruralfin.risk.limits.credit_limit` 的参数（列名、``product_cap``、``revenue_multiple``、
        ``max_dsr``、``contract_rate``、``term_months``、``round_to``）。

    Returns
    -------
    DataFrame
        输入的副本，加上 :func:`~ruralfin.risk.limits.credit_limit` 的各列和 ``rules_passed``（准入规则全部满足）、
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
    sc = None
    if min_score is not None:
        min_score = check_number(min_score, "min_score")
        check_frame(df, [score], name="df")
        sc = numeric_column(df, score, param="score", frame="df", allow_nan=True)
        n_missing = int(np.isnan(sc).sum())
        if n_missing:
            warnings.warn(f"df 的列 {score} 有 {n_missing} 个评分缺失：这些主体不进白名单（原因写“评分缺失”）",
                          RuralfinWarning, stacklevel=2)
    out = credit_limit(df, **limit_options)
    chk = check_rules(df, rules)
    reasons = _exclusion_reasons(chk["failed_reasons"].to_numpy(dtype=object), sc, min_score,
                                 out["credit_limit"].to_numpy(), out["binding_constraint"].to_numpy(dtype=object))
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
    check_frame(pre, ["whitelisted", "credit_limit"], name="pre")
    by_cols = column_names(pre, by, param="by", frame="pre", allow_none=False)
    w = bool_column(pre, "whitelisted", frame="pre", missing=None)
    limit = numeric_column(pre, "credit_limit", frame="pre")
    work = pd.DataFrame({"n_entities": 1, "n_whitelisted": w.astype("int64"),
                         "total_credit_limit": np.where(w, limit, 0.0)}, index=pre.index)
    for c in by_cols:
        work[c] = pre[c]
    out = work.groupby(by_cols, observed=True).sum()
    out.insert(2, "whitelist_rate", out["n_whitelisted"] / out["n_entities"])
    return out.sort_values("total_credit_limit", ascending=False, kind="stable")


def _exclusion_reasons(failed: np.ndarray, score: np.ndarray | None, min_score: float | None,
                       limit: np.ndarray, binding: np.ndarray) -> list[str]:
    """每行未入白名单的全部原因（文字取自标签登记处）；入白名单的为空字符串。"""
    from .. import labels

    names = labels.get("binding_constraint").values
    missing_t, below_t, zero_t = (labels.text(k) for k in
                                  ("preapproval.score_missing", "preapproval.score_below", "preapproval.zero_limit"))
    reasons = []
    for i in range(len(limit)):
        parts = [failed[i]] if failed[i] else []
        if score is not None:
            if np.isnan(score[i]):
                parts.append(missing_t)
            elif score[i] < min_score:
                parts.append(below_t.format(score=score[i], min_score=min_score))
        if limit[i] <= 0:
            parts.append(zero_t.format(constraint=names[binding[i]]))
        reasons.append("；".join(parts))
    return reasons
