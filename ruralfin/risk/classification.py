"""贷后监测：五级分类、不良率、迁移矩阵、逾期账龄桶、滚动率、账龄（vintage）分析与预警。

本模块对应课程第四部分途径二 (5) “贷款贷后监测模型”。所有函数都接收一张
DataFrame、返回一张新表，不修改输入；列名都是参数，默认值与示范县一致。

五级分类规则的出处与可信度（见 ``FACTS.md`` §1.3、§1.5）：

- [V] 《商业银行金融资产风险分类办法》（2023 年 2 月发布，2023-07-01 施行）：
  逾期即至少“关注”；逾期超过 90 天至少“次级”（即使抵押担保充足）；超过 270 天
  至少“可疑”；超过 360 天归为“损失”。
- [V] 以债务人为中心：同一债务人在本行的债权超过 10% 被分为不良，则其在本行的
  全部债权都归为不良；债务人在所有银行的债务中逾期 90 天以上的超过 20%，各行
  都应将其债权归为不良。
- [V] 重组资产观察期：自重组后约定的首个还款日起，至少包含连续两个还款期，且不少于 1 年。
  观察期内“至少关注类”这一下限 **未在 FACTS 中核实 [U]**，因此做成参数
  ``restructured_floor``。
- [V] 符合条件的续贷（金规〔2024〕13号）可维持正常类，不因续贷单独下调；不符合条件的
  “按偿债能力真实分类”——这需要人工判断，规则本身不自动下调（可用参数
  ``unqualified_renewal_floor`` 设一个保守下限）。
- [U] 零售资产（农户、个体户小额贷款）在办法中的具体逐笔分类条款未核实；本模块只实现
  上面列出的硬约束，其余靠 ``base_grade``（客户经理/风险经理的人工判断）。

逾期账龄桶 M0–M4+ 的分段（1–30、31–60、61–90、>90 天）见 FACTS §6 [S]；
“M 编号”本身是行业惯例，[U] 无权威出处。
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin

from .._validation import check_choice, check_frame, check_int, check_number, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError
from ._base import RuralfinEstimator

__all__ = [
    "GRADES",
    "GRADE_NAMES",
    "DPD_BUCKETS",
    "WARNING_SIGNALS",
    "classify_loans",
    "npl_ratio",
    "migration_matrix",
    "dpd_bucket",
    "roll_rate_matrix",
    "roll_forward_rates",
    "vintage_table",
    "warning_panel",
    "early_warning_signals",
    "future_default_label",
    "EarlyWarningModel",
    "warning_lead_time",
    "lead_time_summary",
    "plot_vintage",
    "plot_roll_rates",
    "plot_migration",
    "plot_lead_time",
]

#: 五级分类编码，按风险由低到高排列；后三类合称不良。
GRADES: tuple[str, ...] = ("normal", "special_mention", "substandard", "doubtful", "loss")
#: 编码对应的中文名。
GRADE_NAMES: dict[str, str] = {
    "normal": "正常",
    "special_mention": "关注",
    "substandard": "次级",
    "doubtful": "可疑",
    "loss": "损失",
}
GRADE_DTYPE = pd.CategoricalDtype(list(GRADES), ordered=True)
_GRADE_CODE = {**{g: i for i, g in enumerate(GRADES)}, **{v: i for i, v in enumerate(GRADE_NAMES.values())}}
_NPL_MIN = 2  # substandard

#: 逾期账龄桶（行业惯例编号 [U]）。
DPD_BUCKETS: tuple[str, ...] = ("M0", "M1", "M2", "M3", "M4+")
BUCKET_DTYPE = pd.CategoricalDtype(list(DPD_BUCKETS), ordered=True)
_BUCKET_EDGES = np.array([0, 30, 60, 90])  # dpd <= edge[k] -> bucket k

_DRIVERS = ("none", "overdue", "restructured", "renewal", "base", "borrower_10pct", "cross_bank_20pct")
_DRIVER_DTYPE = pd.CategoricalDtype(list(_DRIVERS))
EXIT = "closed"


# ---------------------------------------------------------------------------
# 小工具
# ---------------------------------------------------------------------------
def _numeric_values(df: pd.DataFrame, col: str, name: str, *, allow_nan: bool = False,
                    nonneg: bool = True) -> np.ndarray:
    s = df[col]
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        raise RuralfinTypeError(f"{name} 的列 {col} 应为数值，实际类型是 {s.dtype}")
    v = s.to_numpy(dtype="float64", na_value=np.nan)
    if not allow_nan:
        n_nan = int(np.isnan(v).sum())
        if n_nan:
            raise RuralfinValueError(f"{name} 的列 {col} 有 {n_nan} 个缺失值，请先补齐或剔除这些行")
    if nonneg:
        n_neg = int((v < 0).sum())
        if n_neg:
            raise RuralfinValueError(f"{name} 的列 {col} 有 {n_neg} 个负数，应为不小于 0 的数")
    return v


def _bool_values(df: pd.DataFrame, col: str, name: str) -> np.ndarray:
    s = df[col]
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.fillna(False).to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(s.dtype):
        v = s.to_numpy(dtype="float64", na_value=0.0)
        if not np.isin(v, (0.0, 1.0)).all():
            raise RuralfinValueError(f"{name} 的列 {col} 应为是/否（True/False 或 0/1），发现其他取值")
        return v == 1.0
    raise RuralfinTypeError(f"{name} 的列 {col} 应为是/否（True/False 或 0/1），实际类型是 {s.dtype}")


def _month_index(s: pd.Series, col: str, name: str) -> np.ndarray:
    """把月份列换成连续整数（年×12+月），以便判断“下一个月”。"""
    if isinstance(s.dtype, pd.PeriodDtype):
        v = s.dt.year * 12 + s.dt.month - 1
    elif pd.api.types.is_datetime64_any_dtype(s.dtype):
        v = s.dt.year * 12 + s.dt.month - 1
    elif pd.api.types.is_integer_dtype(s.dtype):
        v = s
    else:
        try:
            p = pd.PeriodIndex(s.astype("str"), freq="M")
        except (ValueError, TypeError) as exc:
            raise RuralfinValueError(
                f"{name} 的列 {col} 应为月份（如 2024-01、日期或月度 Period），无法识别：{exc}"
            ) from None
        v = pd.Series(p.year * 12 + p.month - 1, index=s.index)
    if v.isna().any():
        raise RuralfinValueError(f"{name} 的列 {col} 有 {int(v.isna().sum())} 个缺失的月份")
    return v.to_numpy(dtype="int64")


def _grade_codes(s: pd.Series, col: str, name: str) -> np.ndarray:
    """基础分类列 -> 0..4 整数；缺失视为正常。接受英文编码或中文名。"""
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in s.cat.categories]
        bad = [c for c in cats if c not in _GRADE_CODE]
        if bad:
            raise RuralfinValueError(
                f"{name} 的列 {col} 有不认识的分类：{fmt_list(bad)}；可用 {fmt_list(GRADES)} 或 正常/关注/次级/可疑/损失"
            )
        lut = np.array([_GRADE_CODE[c] for c in cats] + [0], dtype="int8")
        return lut[s.cat.codes.to_numpy()]  # code -1 (缺失) -> 最后一格 = 正常
    vals = s.astype("object").where(s.notna(), "normal")
    uniq = pd.unique(vals.to_numpy())
    bad = [u for u in uniq if u not in _GRADE_CODE]
    if bad:
        raise RuralfinValueError(
            f"{name} 的列 {col} 有不认识的分类：{fmt_list(bad)}；可用 {fmt_list(GRADES)} 或 正常/关注/次级/可疑/损失"
        )
    return vals.map(_GRADE_CODE).to_numpy(dtype="int8")


def _check_grade_param(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if value not in _GRADE_CODE:
        raise RuralfinValueError(f"参数 {name} 不认识取值 {value!r}，可选：{fmt_list(GRADES)}")
    return _GRADE_CODE[value]


def _get_ax(ax, figsize=(7, 4.5)):
    from ..plotting import get_ax

    return get_ax(ax, figsize=figsize)


# ---------------------------------------------------------------------------
# 五级分类
# ---------------------------------------------------------------------------
def classify_loans(
    loans: pd.DataFrame,
    *,
    days_past_due: str = "days_past_due",
    borrower: str = "entity_id",
    balance: str = "balance",
    base_grade: str | None = None,
    restructured: str | None = None,
    renewal: str | None = None,
    renewal_qualified: str | None = None,
    cross_bank_overdue_share: str | None = None,
    period: str | None = None,
    borrower_rule: bool = True,
    borrower_threshold: float = 0.10,
    cross_bank_threshold: float = 0.20,
    restructured_floor: str | None = "special_mention",
    unqualified_renewal_floor: str | None = None,
) -> pd.DataFrame:
    """按 2023 年《商业银行金融资产风险分类办法》的硬约束给整个贷款组合做五级分类。

    规则只会把分类 **调差、不会调好**：先取 ``base_grade``（人工认定，可缺省为正常），
    再依次套用下列下限，取最差者：

    1. 逾期天数（[V] FACTS §1.3）：逾期 1 天起至少关注；超过 90 天至少次级
       （抵押担保再充足也一样）；超过 270 天至少可疑；超过 360 天为损失。
       “超过”按严格大于理解：90 天仍是关注，91 天才是次级。
    2. 重组（``restructured`` 为真，表示仍在重组观察期内）：至少 ``restructured_floor``。
       观察期的长度 [V]（自重组后首个还款日起至少连续两个还款期且不少于 1 年），
       观察期内的下限为关注 [U]（FACTS 未核实，故为参数）。
    3. 续贷：``renewal_qualified`` 为真的续贷 [V] 可维持正常，不因续贷单独下调，
       也不按重组处理；``renewal`` 为真但不满足条件的，[V] 应“按偿债能力真实分类”，
       这要靠人工判断（写进 ``base_grade``）；``unqualified_renewal_floor`` 可设一个
       保守下限，默认不设。
    4. 债务人 10% 规则 [V]：同一债务人在本行（本表）的债权中，不良（次级及以下）余额占比
       **超过** ``borrower_threshold``（默认 10%，恰好 10% 不触发），则其全部债权至少次级。
    5. 跨行 20% 规则 [V]：若给出 ``cross_bank_overdue_share``（债务人在所有银行的债务中
       逾期 90 天以上的占比，0–1），超过 ``cross_bank_threshold`` 的，至少次级。

    Parameters
    ----------
    loans : DataFrame
        一行一笔贷款（某一时点的快照），不会被修改。
    days_past_due : str, default "days_past_due"
        逾期天数列（未逾期为 0）。
    borrower : str, default "entity_id"
        债务人编号列，用于 10% 规则。
    balance : str, default "balance"
        贷款余额列，用于按余额计算 10% 规则。
    base_grade : str, optional
        基础分类列（人工认定或上期分类），取值为英文编码或中文名；缺失视为正常。
    restructured, renewal, renewal_qualified : str, optional
        是/否列：处于重组观察期；本笔为续贷；续贷满足 FACTS §1.5 所列条件。
    cross_bank_overdue_share : str, optional
        债务人在所有银行逾期 90 天以上债务占其全部债务的比例（0–1）。
    period : str, optional
        时点列（如月度面板的 ``month``）。给出时债务人 10% 规则在每个时点内分别计算，
        于是可以一次给整张月度面板（如示范县 ``loan_monthly``）分类，再做迁移矩阵；
        不给时整张表视为同一时点的快照。
    borrower_rule : bool, default True
        是否执行债务人 10% 规则。
    borrower_threshold, cross_bank_threshold : float
        两条债务人规则的门槛，默认 0.10 与 0.20（FACTS §1.3）。
    restructured_floor : str or None, default "special_mention"
        重组观察期内的最低分类 [U]；None 表示不设。
    unqualified_renewal_floor : str or None, default None
        不满足条件的续贷的最低分类；None 表示交给人工分类。

    Returns
    -------
    DataFrame
        输入的副本，新增三列：``risk_grade``（五级分类，有序类别
        normal < special_mention < substandard < doubtful < loss）、``is_npl``（是否不良，
        即次级及以下）和 ``grade_driver``（决定最终分类的规则：none 无不利情形、overdue
        逾期天数、restructured 重组、renewal 不合格续贷、base 基础分类、borrower_10pct
        债务人 10% 规则、cross_bank_20pct 跨行 20% 规则；并列时取靠前者）。

    Examples
    --------
    >>> import pandas as pd
    >>> loans = pd.DataFrame({
    ...     "loan_id": ["L1", "L2", "L3", "L4", "L5"],
    ...     "entity_id": ["A", "A", "B", "C", "C"],
    ...     "days_past_due": [0, 95, 30, 0, 0],
    ...     "balance": [10.0, 5.0, 20.0, 8.0, 2.0],
    ... })
    >>> out = classify_loans(loans)
    >>> out[["loan_id", "risk_grade", "is_npl", "grade_driver"]]
      loan_id       risk_grade  is_npl    grade_driver
    0      L1      substandard    True  borrower_10pct
    1      L2      substandard    True         overdue
    2      L3  special_mention   False         overdue
    3      L4           normal   False            none
    4      L5           normal   False            none

    A 的 5 万元不良占其 15 万元债权的 33%，超过 10%，所以未逾期的 L1 也成了次级。
    """
    name = "loans"
    required = [days_past_due, borrower, balance]
    optional = [c for c in (base_grade, restructured, renewal, renewal_qualified, cross_bank_overdue_share,
                            period) if c is not None]
    check_frame(loans, required + optional, name=name, numeric=[days_past_due, balance])
    if not isinstance(borrower_rule, bool):
        raise RuralfinTypeError(f"参数 borrower_rule 应为 True 或 False，实际是 {borrower_rule!r}")
    borrower_threshold = check_number(borrower_threshold, "borrower_threshold", min_value=0, max_value=1)
    cross_bank_threshold = check_number(cross_bank_threshold, "cross_bank_threshold", min_value=0, max_value=1)
    restructured_code = _check_grade_param(restructured_floor, "restructured_floor")
    renewal_code = _check_grade_param(unqualified_renewal_floor, "unqualified_renewal_floor")

    dpd = _numeric_values(loans, days_past_due, name)
    bal = _numeric_values(loans, balance, name)
    n = len(loans)

    grade = np.zeros(n, dtype="int8")
    driver = np.zeros(n, dtype="int8")

    def worsen(floor: np.ndarray, code: int) -> None:
        raised = floor > grade
        np.maximum(grade, floor, out=grade)
        driver[raised] = code

    # 1. 逾期天数下限
    floor = np.zeros(n, dtype="int8")
    floor[dpd > 0] = 1
    floor[dpd > 90] = 2
    floor[dpd > 270] = 3
    floor[dpd > 360] = 4
    worsen(floor, _DRIVERS.index("overdue"))

    qualified = _bool_values(loans, renewal_qualified, name) if renewal_qualified else np.zeros(n, bool)
    # 2. 重组观察期（合格续贷不按重组处理）
    if restructured is not None and restructured_code is not None:
        mask = _bool_values(loans, restructured, name) & ~qualified
        worsen(np.where(mask, restructured_code, 0).astype("int8"), _DRIVERS.index("restructured"))
    # 3. 不合格续贷
    if renewal is not None and renewal_code is not None:
        mask = _bool_values(loans, renewal, name) & ~qualified
        worsen(np.where(mask, renewal_code, 0).astype("int8"), _DRIVERS.index("renewal"))
    # 人工/基础分类
    if base_grade is not None:
        worsen(_grade_codes(loans[base_grade], base_grade, name), _DRIVERS.index("base"))

    # 4. 债务人 10% 规则（按本表余额）
    if borrower_rule:
        ids = loans[borrower]
        if ids.isna().any():
            raise RuralfinValueError(f"{name} 的列 {borrower} 有 {int(ids.isna().sum())} 个缺失的债务人编号")
        codes, uniques = pd.factorize(ids, sort=False)
        if period is not None:
            pcodes, puniq = pd.factorize(loans[period], sort=False)
            if (pcodes < 0).any():
                raise RuralfinValueError(f"{name} 的列 {period} 有 {int((pcodes < 0).sum())} 个缺失的时点")
            codes, uniques = pd.factorize(codes.astype("int64") * len(puniq) + pcodes, sort=False)
        total = np.bincount(codes, weights=bal, minlength=len(uniques))
        bad = np.bincount(codes, weights=np.where(grade >= _NPL_MIN, bal, 0.0), minlength=len(uniques))
        # 严格“超过”门槛；留一点相对容差，避免 0.1 这类浮点误差把“恰好 10%”算成超过
        hit = (bad - borrower_threshold * total) > 1e-9 * np.maximum(total, 1e-300)
        hit &= total > 0
        worsen(np.where(hit[codes], _NPL_MIN, 0).astype("int8"), _DRIVERS.index("borrower_10pct"))

    # 5. 跨行 20% 规则
    if cross_bank_overdue_share is not None:
        share = _numeric_values(loans, cross_bank_overdue_share, name, allow_nan=True)
        if np.nanmax(share, initial=0.0) > 1:
            raise RuralfinValueError(
                f"{name} 的列 {cross_bank_overdue_share} 应为 0–1 之间的比例（如 0.25 表示 25%），发现大于 1 的值"
            )
        hit = np.nan_to_num(share, nan=0.0) - cross_bank_threshold > 1e-12
        worsen(np.where(hit, _NPL_MIN, 0).astype("int8"), _DRIVERS.index("cross_bank_20pct"))

    out = loans.copy()
    out["risk_grade"] = pd.Categorical.from_codes(grade, dtype=GRADE_DTYPE)
    out["is_npl"] = grade >= _NPL_MIN
    out["grade_driver"] = pd.Categorical.from_codes(driver, dtype=_DRIVER_DTYPE)
    return out


def npl_ratio(
    loans: pd.DataFrame,
    *,
    grade: str = "risk_grade",
    balance: str = "balance",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """不良贷款率：按余额与按笔数两种口径（不良 = 次级 + 可疑 + 损失）。

    Parameters
    ----------
    loans : DataFrame
        已分类的贷款表（如 :func:`classify_loans` 的输出），不会被修改。
    grade : str, default "risk_grade"
        五级分类列（英文编码或中文名）。
    balance : str, default "balance"
        余额列。
    by : str or list of str, optional
        分组列（如月份、乡镇、客群）；不给则算全表一行。

    Returns
    -------
    DataFrame
        列：``n_loans`` 笔数、``n_npl`` 不良笔数、``npl_ratio_count`` 按笔数不良率、
        ``total_balance`` 余额合计、``npl_balance`` 不良余额、``npl_ratio`` 按余额不良率
        （比率为 0–1 的小数）。

    Examples
    --------
    >>> import pandas as pd
    >>> book = pd.DataFrame({"risk_grade": ["normal", "substandard", "loss", "normal"],
    ...                      "balance": [70.0, 20.0, 10.0, 0.0]})
    >>> npl_ratio(book)
       n_loans  n_npl  npl_ratio_count  total_balance  npl_balance  npl_ratio
    0        4      2              0.5          100.0         30.0        0.3
    """
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    check_frame(loans, [grade, balance, *by_cols], name="loans", numeric=[balance])
    codes = _grade_codes(loans[grade], grade, "loans")
    bal = _numeric_values(loans, balance, "loans")
    work = pd.DataFrame({
        "n_loans": 1,
        "n_npl": (codes >= _NPL_MIN).astype("int64"),
        "total_balance": bal,
        "npl_balance": np.where(codes >= _NPL_MIN, bal, 0.0),
    }, index=loans.index)
    if by_cols:
        for c in by_cols:
            work[c] = loans[c]
        agg = work.groupby(by_cols, observed=True, sort=True).sum()
    else:
        agg = work.sum().to_frame().T
        agg[["n_loans", "n_npl"]] = agg[["n_loans", "n_npl"]].astype("int64")
    agg["npl_ratio_count"] = agg["n_npl"] / agg["n_loans"]
    with np.errstate(invalid="ignore", divide="ignore"):
        agg["npl_ratio"] = agg["npl_balance"] / agg["total_balance"].where(agg["total_balance"] > 0)
    return agg[["n_loans", "n_npl", "npl_ratio_count", "total_balance", "npl_balance", "npl_ratio"]]


# ---------------------------------------------------------------------------
# 月度面板上的状态转移（迁移矩阵、滚动率）
# ---------------------------------------------------------------------------
def _transition_frame(panel, *, loan, month, state_codes, weight, name, from_month=None):
    """返回 (from_state, to_state, w, t) 数组；to_state = n_states 表示下月不在表中（结清/转出）。"""
    t = _month_index(panel[month], month, name)
    ids = panel[loan]
    if ids.isna().any():
        raise RuralfinValueError(f"{name} 的列 {loan} 有 {int(ids.isna().sum())} 个缺失的贷款编号")
    lid, _ = pd.factorize(ids)
    order = np.lexsort((t, lid))
    lid, t, s, w = lid[order], t[order], state_codes[order], weight[order]
    if len(lid) > 1 and ((lid[1:] == lid[:-1]) & (t[1:] == t[:-1])).any():
        raise RuralfinValueError(f"{name} 中同一笔贷款（{loan}）在同一月份（{month}）出现了多行")
    last = t.max()
    has_next = np.zeros(len(lid), dtype=bool)
    has_next[:-1] = (lid[1:] == lid[:-1]) & (t[1:] == t[:-1] + 1)
    to = np.full(len(lid), -1, dtype="int64")
    nxt = np.flatnonzero(has_next)
    to[nxt] = s[nxt + 1]
    keep = t < last  # 最后一个月没有“下个月”
    to[keep & ~has_next] = -2  # 下月不在表中
    if from_month is not None:
        keep &= t == from_month
    return s[keep], to[keep], w[keep], t[keep]


def _matrix(frm, to, w, states, normalize):
    k = len(states)
    to_idx = np.where(to == -2, k, to)
    mat = np.zeros((k, k + 1))
    np.add.at(mat, (frm, to_idx), w)
    df = pd.DataFrame(mat, index=pd.Index(list(states)), columns=pd.Index([*states, EXIT]))
    if normalize:
        rows = df.sum(axis=1)
        df = df.div(rows.where(rows > 0), axis=0)
    return df


def _resolve_from_month(panel, month, from_month, name):
    if from_month is None:
        return None
    s = pd.Series([from_month])
    if isinstance(panel[month].dtype, pd.PeriodDtype) or pd.api.types.is_datetime64_any_dtype(panel[month].dtype):
        s = pd.Series(pd.PeriodIndex([str(from_month)], freq="M"))
    elif pd.api.types.is_integer_dtype(panel[month].dtype):
        check_int(from_month, "from_month")
    return int(_month_index(s, "from_month", name)[0])


def migration_matrix(
    panel: pd.DataFrame,
    *,
    loan: str = "loan_id",
    month: str = "month",
    grade: str = "risk_grade",
    balance: str = "balance",
    weight: str = "count",
    normalize: bool = True,
    from_month: Any = None,
) -> pd.DataFrame:
    """五级分类的月度迁移矩阵：本月在行分类的贷款，下月落在列分类的笔数或余额（占比）。

    每一对相邻月份（t → t+1）都算一次并汇总；``from_month`` 只看某一个月出发的迁移。
    下月不在表中的贷款（结清、核销、转出）计入 ``closed`` 列；面板最后一个月没有下月，不计。

    Parameters
    ----------
    panel : DataFrame
        月度面板，一行一笔贷款一个月，不会被修改。
    loan, month, grade, balance : str
        贷款编号、月份（``2024-01`` 字符串、日期或月度 Period）、五级分类、余额列。
    weight : {"count", "balance"}, default "count"
        按笔数或按本月余额加权。
    normalize : bool, default True
        True 时每行除以行合计，得到迁移率（行和为 1）；False 时给笔数或余额。
    from_month : optional
        只统计从这个月出发的迁移（如 ``"2024-06"``）。

    Returns
    -------
    DataFrame
        行：本月分类（五类）；列：下月分类（五类）+ ``closed``。没有贷款的行为 NaN。
        行、列的中文名见 ``GRADE_NAMES``。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({
    ...     "loan_id": ["a", "a", "b", "b", "c"],
    ...     "month": ["2024-01", "2024-02", "2024-01", "2024-02", "2024-01"],
    ...     "risk_grade": ["normal", "special_mention", "normal", "normal", "normal"],
    ...     "balance": [10.0, 10.0, 30.0, 30.0, 60.0],
    ... })
    >>> m = migration_matrix(panel, weight="balance")
    >>> m.loc["normal", ["normal", "special_mention", "closed"]]
    next_grade
    normal             0.3
    special_mention    0.1
    closed             0.6
    Name: normal, dtype: float64
    """
    name = "panel"
    check_frame(panel, [loan, month, grade] + ([balance] if weight == "balance" else []), name=name)
    check_choice(weight, ["count", "balance"], "weight")
    codes = _grade_codes(panel[grade], grade, name).astype("int64")
    w = _numeric_values(panel, balance, name) if weight == "balance" else np.ones(len(panel))
    fm = _resolve_from_month(panel, month, from_month, name)
    frm, to, ww, _ = _transition_frame(panel, loan=loan, month=month, state_codes=codes, weight=w,
                                       name=name, from_month=fm)
    keep = to != -1
    m = _matrix(frm[keep], to[keep], ww[keep], GRADES, normalize)
    m.index.name = "risk_grade"
    m.columns.name = "next_grade"
    return m


def dpd_bucket(days_past_due: pd.Series | Sequence[float] | np.ndarray) -> pd.Series:
    """逾期天数 → 逾期账龄桶 M0（未逾期）、M1（1–30 天）、M2（31–60）、M3（61–90）、M4+（>90）。

    分段见 FACTS §6 [S]；“M 编号”是行业惯例 [U]，不同机构写法不一（也有把 >90 天叫
    M3+ 或继续分 M4、M5、M6 的）。M4+ 与五级分类“逾期超过 90 天至少次级”的不良门槛对齐。

    Parameters
    ----------
    days_past_due : Series or array-like
        逾期天数，不小于 0，不可缺失。

    Returns
    -------
    Series
        有序类别 M0 < M1 < M2 < M3 < M4+，名为 ``dpd_bucket``；输入为 Series 时保留索引。

    Examples
    --------
    >>> dpd_bucket([0, 1, 30, 31, 60, 61, 90, 91]).tolist()
    ['M0', 'M1', 'M1', 'M2', 'M2', 'M3', 'M3', 'M4+']
    """
    if isinstance(days_past_due, pd.Series):
        s = days_past_due
    elif isinstance(days_past_due, (pd.DataFrame, str, bytes)) or np.ndim(days_past_due) != 1:
        raise RuralfinTypeError(
            f"dpd_bucket 需要一列逾期天数（Series、列表或一维数组），实际是 {type(days_past_due).__name__}"
        )
    else:
        s = pd.Series(np.asarray(days_past_due))
    v = _numeric_values(s.to_frame("days_past_due"), "days_past_due", "days_past_due")
    codes = np.searchsorted(_BUCKET_EDGES, v, side="left").astype("int8")
    return pd.Series(pd.Categorical.from_codes(codes, dtype=BUCKET_DTYPE), index=s.index, name="dpd_bucket")


def roll_rate_matrix(
    panel: pd.DataFrame,
    *,
    loan: str = "loan_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
    weight: str = "count",
    normalize: bool = True,
    from_month: Any = None,
) -> pd.DataFrame:
    """逾期账龄桶之间的月度滚动率矩阵（roll rate，FACTS §6 [V]）。

    本月处于行桶的贷款（笔数或余额）中，下月落在各列桶的比例；``closed`` 为下月不在表中
    （结清、核销、转出）。对角线右侧一格就是常说的“滚动率”（如 M1→M2）。

    Parameters
    ----------
    panel : DataFrame
        月度面板，一行一笔贷款一个月，不会被修改。
    loan, month, days_past_due, balance : str
        贷款编号、月份、逾期天数、余额列。
    weight : {"count", "balance"}, default "count"
        按笔数或按本月余额加权。
    normalize : bool, default True
        True 给行占比，False 给笔数/余额。
    from_month : optional
        只统计从这个月出发的转移。

    Returns
    -------
    DataFrame
        行 M0–M4+，列 M0–M4+ 与 ``closed``。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({
    ...     "loan_id": ["a", "a", "b", "b", "c", "c"],
    ...     "month": ["2024-01", "2024-02"] * 3,
    ...     "days_past_due": [0, 15, 0, 0, 20, 50],
    ...     "balance": [10.0] * 6,
    ... })
    >>> roll_rate_matrix(panel).loc[["M0", "M1"], ["M0", "M1", "M2"]]
    next_bucket   M0   M1   M2
    dpd_bucket
    M0           0.5  0.5  0.0
    M1           0.0  0.0  1.0
    """
    name = "panel"
    check_frame(panel, [loan, month, days_past_due] + ([balance] if weight == "balance" else []),
                name=name, numeric=[days_past_due])
    check_choice(weight, ["count", "balance"], "weight")
    codes = dpd_bucket(panel[days_past_due]).cat.codes.to_numpy().astype("int64")
    w = _numeric_values(panel, balance, name) if weight == "balance" else np.ones(len(panel))
    fm = _resolve_from_month(panel, month, from_month, name)
    frm, to, ww, _ = _transition_frame(panel, loan=loan, month=month, state_codes=codes, weight=w,
                                       name=name, from_month=fm)
    keep = to != -1
    m = _matrix(frm[keep], to[keep], ww[keep], DPD_BUCKETS, normalize)
    m.index.name = "dpd_bucket"
    m.columns.name = "next_bucket"
    return m


def roll_forward_rates(
    panel: pd.DataFrame,
    *,
    loan: str = "loan_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
    weight: str = "count",
) -> pd.DataFrame:
    """逐月的“向前滚动率”：本月在某桶的贷款中，下月落入更差桶的比例。

    Parameters
    ----------
    panel : DataFrame
        月度面板，不会被修改。
    loan, month, days_past_due, balance : str
        列名。
    weight : {"count", "balance"}, default "count"
        按笔数或按余额。

    Returns
    -------
    DataFrame
        行为出发月份（``2024-01`` 形式的月度 Period），列为出发桶 M0–M3，值为下月滚入
        更差桶的比例；该月该桶没有贷款时为 NaN。下月结清的贷款算“没有滚动”。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({
    ...     "loan_id": ["a", "a", "a", "b", "b", "b"],
    ...     "month": ["2024-01", "2024-02", "2024-03"] * 2,
    ...     "days_past_due": [0, 10, 40, 0, 0, 0],
    ... })
    >>> roll_forward_rates(panel)
    dpd_bucket   M0   M1  M2  M3
    month
    2024-01     0.5  NaN NaN NaN
    2024-02     0.0  1.0 NaN NaN
    """
    name = "panel"
    check_frame(panel, [loan, month, days_past_due] + ([balance] if weight == "balance" else []),
                name=name, numeric=[days_past_due])
    check_choice(weight, ["count", "balance"], "weight")
    codes = dpd_bucket(panel[days_past_due]).cat.codes.to_numpy().astype("int64")
    w = _numeric_values(panel, balance, name) if weight == "balance" else np.ones(len(panel))
    frm, to, ww, t = _transition_frame(panel, loan=loan, month=month, state_codes=codes, weight=w, name=name)
    keep = (to != -1) & (frm < len(DPD_BUCKETS) - 1)
    frm, to, ww, t = frm[keep], to[keep], ww[keep], t[keep]
    rolled = (to > frm) & (to >= 0)
    work = pd.DataFrame({"t": t, "b": frm, "w": ww, "r": np.where(rolled, ww, 0.0)})
    g = work.groupby(["t", "b"]).agg(w=("w", "sum"), r=("r", "sum"))
    rate = (g["r"] / g["w"].where(g["w"] > 0)).unstack("b")
    rate = rate.reindex(columns=range(len(DPD_BUCKETS) - 1))
    rate.columns = pd.Index(list(DPD_BUCKETS[:-1]), name="dpd_bucket")
    rate.index = pd.PeriodIndex.from_ordinals(rate.index.to_numpy() - (1970 * 12), freq="M").rename("month")
    return rate


# ---------------------------------------------------------------------------
# 账龄分析 vintage
# ---------------------------------------------------------------------------
def vintage_table(
    panel: pd.DataFrame,
    *,
    loan: str = "loan_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    months_on_book: str | None = "months_on_book",
    origination: str | None = None,
    dpd_threshold: int = 30,
    weight: str = "count",
    amount: str = "loan_amount",
    wide: bool = True,
) -> pd.DataFrame:
    """账龄分析（vintage）：各放款月份批次在每个账龄（MOB）上的累计“曾经逾期”比例。

    一笔贷款在账龄 m 时“曾经逾期”，指在账龄 0..m 的任一月逾期天数 **超过**
    ``dpd_threshold``。``dpd_threshold=30`` 即常说的 30+（进入 M2 及以后），``90`` 即 90+
    （进入 M4+，与不良门槛一致）。分母是该批次放款的全部贷款（笔数或放款金额），提前结清的
    贷款仍留在分母里；批次尚未观察到的账龄为 NaN（数据截止）。

    Parameters
    ----------
    panel : DataFrame
        月度面板，一行一笔贷款一个月，不会被修改。
    loan, month, days_past_due : str
        贷款编号、月份、逾期天数列。
    months_on_book : str or None, default "months_on_book"
        账龄列（放款当月为 0 的月数）。有它时批次 = 月份 − 账龄，账龄直接取这一列；
        面板开始前就已放款的批次（早期账龄看不到）会被剔除。设为 None 时看 ``origination``。
    origination : str, optional
        放款日期/月份列（``months_on_book`` 为 None 时使用）；两者都不给时，取每笔贷款在
        面板中最早出现的月份作为放款月份。
    dpd_threshold : int, default 30
        逾期门槛（天），常用 30 或 90。
    weight : {"count", "balance"}, default "count"
        按笔数，或按放款金额（``amount`` 列）加权。
    amount : str, default "loan_amount"
        ``weight="balance"`` 时使用的放款金额列（每笔贷款取第一行）。
    wide : bool, default True
        True：行为批次、列为账龄的宽表（便于画曲线）；False：长表，列为 ``cohort``、``mob``、
        ``n_loans``（批次笔数）、``n_ever_bad``（累计曾逾期笔数）、``cohort_weight``、
        ``ever_bad_weight``（按笔数时同前两列，按金额时为金额）、``ever_bad_rate``。

    Returns
    -------
    DataFrame
        宽表时行索引 ``cohort``（放款月份，月度 Period），列 ``mob``（0 为放款当月）。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({
    ...     "loan_id": ["a", "a", "a", "b", "b", "b", "c", "c"],
    ...     "month": ["2024-01", "2024-02", "2024-03"] * 2 + ["2024-02", "2024-03"],
    ...     "days_past_due": [0, 0, 35, 0, 0, 0, 0, 0],
    ... })
    >>> vintage_table(panel, months_on_book=None)
    mob        0    1    2
    cohort
    2024-01  0.0  0.0  0.5
    2024-02  0.0  0.0  NaN
    """
    name = "panel"
    need = [loan, month, days_past_due] + [c for c in (months_on_book, origination) if c]
    if weight == "balance":
        need.append(amount)
    check_frame(panel, need, name=name, numeric=[days_past_due])
    check_choice(weight, ["count", "balance"], "weight")
    dpd_threshold = check_int(dpd_threshold, "dpd_threshold", min_value=0)
    if not isinstance(wide, bool):
        raise RuralfinTypeError(f"参数 wide 应为 True 或 False，实际是 {wide!r}")
    t = _month_index(panel[month], month, name)
    dpd = _numeric_values(panel, days_past_due, name)
    lid, _ = pd.factorize(panel[loan])
    if (lid < 0).any():
        raise RuralfinValueError(f"{name} 的列 {loan} 有缺失的贷款编号")
    n_loans = lid.max() + 1
    orig = np.full(n_loans, np.iinfo("int64").max)
    if months_on_book:
        mob_col = _numeric_values(panel, months_on_book, name)
        np.minimum.at(orig, lid, t - mob_col.astype("int64"))
    elif origination:
        np.minimum.at(orig, lid, _month_index(panel[origination], origination, name))
    else:
        np.minimum.at(orig, lid, t)
    mob = t - orig[lid]
    if (mob < 0).any():
        raise RuralfinValueError(f"{name} 中有 {int((mob < 0).sum())} 行的月份早于放款月份（{origination}）")
    big = np.iinfo("int64").max
    first_bad = np.full(n_loans, big)
    bad_rows = dpd > dpd_threshold
    np.minimum.at(first_bad, lid[bad_rows], mob[bad_rows])
    if weight == "balance":
        amt_row = _numeric_values(panel, amount, name)
        w = np.zeros(n_loans)
        first_row = np.unique(lid, return_index=True)[1]
        w[lid[first_row]] = amt_row[first_row]
    else:
        w = np.ones(n_loans)
    last = t.max()
    cohorts = np.unique(orig)
    if months_on_book or origination:
        cohorts = cohorts[cohorts >= t.min()]  # 面板开始前放款的批次早期表现不可见
        if not len(cohorts):
            raise RuralfinValueError(f"{name} 中没有在面板期间内放款的批次，无法做账龄分析")
    max_mob = int(last - cohorts.min())
    rows = []
    for c in cohorts:
        sel = orig == c
        denom = w[sel].sum()
        n = int(sel.sum())
        fb = first_bad[sel]
        ww = w[sel]
        horizon = int(last - c)
        for m in range(horizon + 1):
            bad = fb <= m
            rows.append((c, m, n, int(bad.sum()), denom, ww[bad].sum()))
    long = pd.DataFrame(rows, columns=["cohort", "mob", "n_loans", "n_ever_bad", "cohort_weight", "ever_bad_weight"])
    long["ever_bad_rate"] = long["ever_bad_weight"] / long["cohort_weight"].where(long["cohort_weight"] > 0)
    long["cohort"] = pd.PeriodIndex.from_ordinals(long["cohort"].to_numpy() - 1970 * 12, freq="M")
    if not wide:
        return long
    tab = long.pivot(index="cohort", columns="mob", values="ever_bad_rate")
    tab = tab.reindex(columns=range(max_mob + 1))
    tab.columns.name = "mob"
    return tab


def plot_vintage(table: pd.DataFrame, *, ax=None, title: str | None = None, percent: bool = True):
    """画账龄曲线：横轴账龄（月），纵轴累计逾期率，每个放款批次一条线。

    Parameters
    ----------
    table : DataFrame
        :func:`vintage_table` 的宽表输出。
    ax : matplotlib Axes, optional
        画在哪张图上；不给则新建。
    title : str, optional
        图标题。
    percent : bool, default True
        纵轴显示为百分数。

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> tab = pd.DataFrame([[0.0, 0.01, 0.03], [0.0, 0.02, None]],
    ...                    index=pd.PeriodIndex(["2024-01", "2024-02"], freq="M", name="cohort"))
    >>> ax = plot_vintage(tab)
    >>> len(ax.get_lines())
    2
    >>> plt.close("all")
    """
    if not isinstance(table, pd.DataFrame):
        raise RuralfinTypeError(f"table 应为 vintage_table 输出的 DataFrame，实际是 {type(table).__name__}")
    if table.empty:
        raise RuralfinValueError("table 是空表，无法画账龄曲线")
    ax = _get_ax(ax)
    for cohort, row in table.iterrows():
        y = row.dropna()
        ax.plot(np.asarray(y.index, dtype=float), y.to_numpy(dtype=float) * (100 if percent else 1),
                marker="o", markersize=3, label=str(cohort))
    ax.set_xlabel("账龄 MOB（月）")
    ax.set_ylabel("累计逾期率（%）" if percent else "累计逾期率")
    ax.set_title(title or "账龄曲线（vintage）")
    if len(table) <= 15:
        ax.legend(title="放款月份", fontsize="small")
    return ax


def _plot_matrix(matrix, ax, names, title, fmt):
    if not isinstance(matrix, pd.DataFrame):
        raise RuralfinTypeError(f"matrix 应为 DataFrame，实际是 {type(matrix).__name__}")
    ax = _get_ax(ax, figsize=(7, 5))
    vals = matrix.to_numpy(dtype=float)
    im = ax.imshow(np.nan_to_num(vals, nan=0.0), cmap="Reds", aspect="auto")
    ax.set_xticks(range(vals.shape[1]))
    ax.set_xticklabels([names.get(c, str(c)) for c in matrix.columns])
    ax.set_yticks(range(vals.shape[0]))
    ax.set_yticklabels([names.get(c, str(c)) for c in matrix.index])
    ax.grid(False)  # rf.set_theme() 的 whitegrid 网格线会横穿格子
    finite = vals[np.isfinite(vals)]
    top = finite.max() if finite.size else 1.0
    for i in range(vals.shape[0]):
        for j in range(vals.shape[1]):
            v = vals[i, j]
            txt = "" if not np.isfinite(v) else format(v, fmt)
            ax.text(j, i, txt, ha="center", va="center", fontsize="small",
                    color="white" if np.isfinite(v) and v > 0.6 * top else "black")
    ax.set_title(title)
    ax.figure.colorbar(im, ax=ax, fraction=0.046)
    return ax


def plot_roll_rates(matrix: pd.DataFrame, *, ax=None, title: str | None = None, fmt: str = ".1%"):
    """把 :func:`roll_rate_matrix` 的结果画成热力图（行：本月桶，列：下月桶）。

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> panel = pd.DataFrame({"loan_id": ["a", "a"], "month": ["2024-01", "2024-02"],
    ...                       "days_past_due": [0, 5]})
    >>> ax = plot_roll_rates(roll_rate_matrix(panel))
    >>> ax.get_xticklabels()[-1].get_text()
    '结清/转出'
    >>> plt.close("all")
    """
    names = {b: b for b in DPD_BUCKETS} | {EXIT: "结清/转出"}
    ax = _plot_matrix(matrix, ax, names, title or "逾期账龄桶滚动率", fmt)
    ax.set_xlabel("下月所在桶")
    ax.set_ylabel("本月所在桶")
    return ax


def plot_migration(matrix: pd.DataFrame, *, ax=None, title: str | None = None, fmt: str = ".1%"):
    """把 :func:`migration_matrix` 的结果画成热力图，行列用中文五级分类名。

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> panel = pd.DataFrame({"loan_id": ["a", "a"], "month": ["2024-01", "2024-02"],
    ...                       "risk_grade": ["normal", "special_mention"]})
    >>> ax = plot_migration(migration_matrix(panel))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['正常', '关注', '次级', '可疑', '损失']
    >>> plt.close("all")
    """
    names = dict(GRADE_NAMES) | {EXIT: "结清/转出"}
    ax = _plot_matrix(matrix, ax, names, title or "五级分类月度迁移矩阵", fmt)
    ax.set_xlabel("下月分类")
    ax.set_ylabel("本月分类")
    return ax


# ---------------------------------------------------------------------------
# 预警
# ---------------------------------------------------------------------------
#: :func:`early_warning_signals` 输出的五个信号列，可直接作 :class:`EarlyWarningModel` 的特征。
WARNING_SIGNALS: tuple[str, ...] = (
    "sig_sales_decline", "sig_utility_decline", "sig_overdue_elsewhere",
    "sig_industry_shock", "sig_guarantee_trouble",
)


def _trailing_drop(values: np.ndarray, gid: np.ndarray, window: int, drop: float) -> np.ndarray:
    """本月值是否低于本主体此前 ``window`` 个月均值的 (1 - drop) 倍（不含本月；历史不足为否）。"""
    s = pd.Series(values)
    prev = s.groupby(gid).shift(1)
    mean = prev.groupby(gid).rolling(window, min_periods=window).mean().reset_index(level=0, drop=True)
    mean = mean.sort_index().to_numpy()
    with np.errstate(invalid="ignore"):
        return np.nan_to_num(values < (1 - drop) * mean, nan=0).astype(bool) & (mean > 0)


def warning_panel(
    loan_monthly: pd.DataFrame,
    sales_monthly: pd.DataFrame,
    *,
    utilities: pd.DataFrame | None = None,
    external_events: pd.DataFrame | None = None,
    industry_monthly: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
    guarantees: pd.DataFrame | None = None,
    trouble_dpd: int = 90,
    default_dpd: int = 90,
) -> pd.DataFrame:
    """把示范县的几张月度表拼成预警用的“主体 × 月份”面板（只含在我行有贷款的主体）。

    列名按示范县的表结构（``ruralfin.schema``）；银行自己的导出只要列名相同也能用。

    - ``sales_amount``：月销售额（``sales_monthly``）；
    - ``electricity_kwh``：月用电量（给出 ``utilities`` 时）；
    - ``overdue_elsewhere``：当月有“他行逾期”外部事件（``external_events`` 中
      ``event_type == "overdue_other_bank"``）；
    - ``industry_shock``：所在细分行业当月处于冲击期（需要 ``industry_monthly`` 与 ``entities``）；
    - ``guarantee_trouble``：担保关系另一方（为本主体担保的人，或本主体为其担保的人）当月在我行
      贷款逾期超过 ``trouble_dpd`` 天（需要 ``guarantees``）；
    - ``default_month``：本主体在我行贷款首次逾期超过 ``default_dpd`` 天的月份，未违约为缺失。

    Parameters
    ----------
    loan_monthly, sales_monthly : DataFrame
        贷款月度表、月度销售表。
    utilities, external_events, industry_monthly, entities, guarantees : DataFrame, optional
        水电、外部事件、行业月度景气、主体、担保关系表。
    trouble_dpd, default_dpd : int, default 90
        “出险”和“违约”的逾期天数门槛（超过即算）。

    Returns
    -------
    DataFrame
        一行一个主体一个月，按主体、月份排序；可直接交给 :func:`early_warning_signals`。

    Examples
    --------
    >>> import pandas as pd
    >>> months = pd.to_datetime(["2024-01-31", "2024-02-29"])
    >>> loans = pd.DataFrame({"loan_id": [1, 1, 2, 2], "entity_id": [7, 7, 8, 8],
    ...                       "month": list(months) * 2, "days_past_due": [0, 0, 0, 95]})
    >>> sales = pd.DataFrame({"entity_id": [7, 7, 8, 8, 9, 9], "month": list(months) * 3,
    ...                       "sales_amount": [5.0, 5.0, 3.0, 1.0, 2.0, 2.0]})
    >>> g = pd.DataFrame({"loan_id": [1], "entity_id": [7], "guarantor_id": [8]})
    >>> warning_panel(loans, sales, guarantees=g)[["entity_id", "month", "guarantee_trouble", "default_month"]]
       entity_id      month  guarantee_trouble default_month
    0          7 2024-01-31              False           NaT
    1          7 2024-02-29               True           NaT
    2          8 2024-01-31              False    2024-02-29
    3          8 2024-02-29              False    2024-02-29
    """
    check_frame(loan_monthly, ["entity_id", "month", "days_past_due"], name="loan_monthly",
                numeric=["days_past_due"])
    check_frame(sales_monthly, ["entity_id", "month", "sales_amount"], name="sales_monthly",
                numeric=["sales_amount"])
    trouble_dpd = check_int(trouble_dpd, "trouble_dpd", min_value=0)
    default_dpd = check_int(default_dpd, "default_dpd", min_value=0)
    lm = loan_monthly[["entity_id", "month", "days_past_due"]]
    worst = lm.groupby(["entity_id", "month"], sort=False, observed=True)["days_past_due"].max().reset_index()
    borrowers = pd.Index(worst["entity_id"].unique())
    panel = sales_monthly.loc[sales_monthly["entity_id"].isin(borrowers), ["entity_id", "month", "sales_amount"]]
    if utilities is not None:
        check_frame(utilities, ["entity_id", "month", "electricity_kwh"], name="utilities", allow_empty=True)
        panel = panel.merge(utilities[["entity_id", "month", "electricity_kwh"]], on=["entity_id", "month"],
                            how="left")
    if external_events is not None:
        check_frame(external_events, ["entity_id", "month", "event_type"], name="external_events", allow_empty=True)
        ev = external_events.loc[external_events["event_type"] == "overdue_other_bank", ["entity_id", "month"]]
        ev = ev.drop_duplicates().assign(overdue_elsewhere=True)
        panel = panel.merge(ev, on=["entity_id", "month"], how="left")
        panel["overdue_elsewhere"] = panel["overdue_elsewhere"].fillna(False).astype(bool)
    if industry_monthly is not None:
        if entities is None:
            raise RuralfinValueError("给出 industry_monthly 时还需要 entities（用来查每个主体的细分行业 sub_industry）")
        check_frame(industry_monthly, ["sub_industry", "month", "shock"], name="industry_monthly")
        check_frame(entities, ["entity_id", "sub_industry"], name="entities")
        sub = entities[["entity_id", "sub_industry"]].astype({"sub_industry": "str"})
        shock = industry_monthly[["sub_industry", "month", "shock"]].astype({"sub_industry": "str"})
        panel = panel.merge(sub, on="entity_id", how="left").merge(shock, on=["sub_industry", "month"], how="left")
        panel = panel.drop(columns="sub_industry").rename(columns={"shock": "industry_shock"})
        panel["industry_shock"] = panel["industry_shock"].fillna(False).astype(bool)
    if guarantees is not None:
        check_frame(guarantees, ["entity_id", "guarantor_id"], name="guarantees", allow_empty=True)
        e = guarantees[["entity_id", "guarantor_id"]].to_numpy()
        edges = pd.DataFrame({"a": np.r_[e[:, 0], e[:, 1]], "b": np.r_[e[:, 1], e[:, 0]]})
        edges = edges[edges["a"] != edges["b"]].drop_duplicates()
        trouble = worst.loc[worst["days_past_due"] > trouble_dpd, ["entity_id", "month"]]
        hit = edges.merge(trouble, left_on="b", right_on="entity_id")[["a", "month"]].drop_duplicates()
        hit = hit.rename(columns={"a": "entity_id"}).assign(guarantee_trouble=True)
        hit["entity_id"] = hit["entity_id"].astype(panel["entity_id"].dtype)
        panel = panel.merge(hit, on=["entity_id", "month"], how="left")
        panel["guarantee_trouble"] = panel["guarantee_trouble"].fillna(False).astype(bool)
    first_bad = worst.loc[worst["days_past_due"] > default_dpd].groupby("entity_id")["month"].min()
    panel["default_month"] = panel["entity_id"].map(first_bad)
    return panel.sort_values(["entity_id", "month"], kind="stable").reset_index(drop=True)


def early_warning_signals(
    panel: pd.DataFrame,
    *,
    entity: str = "entity_id",
    month: str = "month",
    sales: str | None = "sales_amount",
    utility: str | None = "electricity_kwh",
    overdue_elsewhere: str | None = "overdue_elsewhere",
    industry_shock: str | None = "industry_shock",
    guarantee_trouble: str | None = "guarantee_trouble",
    window: int = 6,
    drop: float = 0.3,
) -> pd.DataFrame:
    """从月度数据生成五个是/否预警信号。

    - ``sig_sales_decline``：本月销售额（或账户流水）低于本主体此前 ``window`` 个月均值的
      ``1 - drop`` 倍（默认下降超过 30%）；历史不足 ``window`` 个月的记为否。
    - ``sig_utility_decline``：用电（或用水）量同样口径下降。
    - ``sig_overdue_elsewhere``：他行逾期（列值大于 0 或为真）。
    - ``sig_industry_shock``：行业冲击标志（列值大于 0 或为真）。
    - ``sig_guarantee_trouble``：担保圈/互保圈中有成员出险（列值大于 0 或为真）。

    不给某列（参数设为 None）时，该信号全部为否。门槛 ``window``、``drop`` 是示意参数，
    应按本行经验回测后调整。季节性强的行业（种植、养殖）宜改用同比下降。

    Parameters
    ----------
    panel : DataFrame
        一行一个主体一个月，不会被修改。
    entity, month : str
        主体编号、月份列。
    sales, utility, overdue_elsewhere, industry_shock, guarantee_trouble : str or None
        对应的原始列；默认值即 :func:`warning_panel` 输出的列名。
    window : int, default 6
        对比的历史月数。
    drop : float, default 0.3
        判定“下降”的幅度（0–1）。

    Returns
    -------
    DataFrame
        列 ``entity``、``month`` 加五个信号列（bool），行顺序与输入一致。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({"entity_id": ["A"] * 4, "month": ["2024-01", "2024-02", "2024-03", "2024-04"],
    ...                       "sales_amount": [10.0, 10.0, 10.0, 6.0], "electricity_kwh": [100.0, 100, 100, 95]})
    >>> sig = early_warning_signals(panel, window=3, overdue_elsewhere=None, industry_shock=None,
    ...                             guarantee_trouble=None)
    >>> sig[["month", "sig_sales_decline", "sig_utility_decline"]]
         month  sig_sales_decline  sig_utility_decline
    0  2024-01              False                False
    1  2024-02              False                False
    2  2024-03              False                False
    3  2024-04               True                False
    """
    name = "panel"
    cols = [c for c in (sales, utility, overdue_elsewhere, industry_shock, guarantee_trouble) if c]
    check_frame(panel, [entity, month, *cols], name=name)
    window = check_int(window, "window", min_value=1)
    drop = check_number(drop, "drop", min_value=0, max_value=1)
    t = _month_index(panel[month], month, name)
    gid, _ = pd.factorize(panel[entity])
    order = np.lexsort((t, gid))
    if len(order) > 1 and ((gid[order][1:] == gid[order][:-1]) & (t[order][1:] == t[order][:-1])).any():
        raise RuralfinValueError(f"{name} 中同一主体（{entity}）在同一月份（{month}）出现了多行")
    n = len(panel)
    out = pd.DataFrame({entity: panel[entity].to_numpy(), month: panel[month].to_numpy()}, index=panel.index)

    def decline(col):
        v = _numeric_values(panel, col, name, allow_nan=True)
        res = np.zeros(n, dtype=bool)
        res[order] = _trailing_drop(v[order], gid[order], window, drop)
        return res

    def flag(col):
        s = panel[col]
        if pd.api.types.is_bool_dtype(s.dtype):
            return s.fillna(False).to_numpy(dtype=bool)
        v = _numeric_values(panel, col, name, allow_nan=True)
        return np.nan_to_num(v, nan=0.0) > 0

    out["sig_sales_decline"] = decline(sales) if sales else np.zeros(n, bool)
    out["sig_utility_decline"] = decline(utility) if utility else np.zeros(n, bool)
    out["sig_overdue_elsewhere"] = flag(overdue_elsewhere) if overdue_elsewhere else np.zeros(n, bool)
    out["sig_industry_shock"] = flag(industry_shock) if industry_shock else np.zeros(n, bool)
    out["sig_guarantee_trouble"] = flag(guarantee_trouble) if guarantee_trouble else np.zeros(n, bool)
    return out


def future_default_label(
    panel: pd.DataFrame,
    *,
    entity: str = "entity_id",
    month: str = "month",
    default_month: str = "default_month",
    horizon: int = 6,
) -> pd.Series:
    """训练预警模型用的标签：本月之后 ``horizon`` 个月内（不含本月）是否发生违约。

    已经违约的月份（本月及以后）标为缺失，应从训练样本中剔除；面板末尾观察期不足
    ``horizon`` 个月且未见违约的行也标为缺失（还看不出结果）。

    Parameters
    ----------
    panel : DataFrame
        一行一个主体一个月，不会被修改。
    entity, month : str
        主体编号、月份列。
    default_month : str
        该主体首次违约的月份，未违约为缺失。
    horizon : int, default 6
        向后看的月数。

    Returns
    -------
    Series
        可空整数（Int64）：1 = 将违约、0 = 不会、缺失 = 不用于训练。名为 ``future_default``。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({"entity_id": ["A"] * 4 + ["B"] * 4,
    ...                       "month": ["2024-01", "2024-02", "2024-03", "2024-04"] * 2,
    ...                       "default_month": ["2024-03"] * 4 + [None] * 4})
    >>> future_default_label(panel, horizon=1).tolist()
    [0, 1, <NA>, <NA>, 0, 0, 0, <NA>]
    """
    name = "panel"
    check_frame(panel, [entity, month, default_month], name=name)
    horizon = check_int(horizon, "horizon", min_value=1)
    t = _month_index(panel[month], month, name)
    dm = panel[default_month]
    has = dm.notna().to_numpy()
    d = np.full(len(panel), np.iinfo("int64").max)
    if has.any():
        d[has] = _month_index(dm[has], default_month, name)
    last = t.max()
    label = np.where((d > t) & (d <= t + horizon), 1, 0).astype("float64")
    label[d <= t] = np.nan
    label[(t + horizon > last) & (label == 0)] = np.nan
    return pd.Series(label, index=panel.index, name="future_default").astype("Int64")


class EarlyWarningModel(ClassifierMixin, RuralfinEstimator):
    """透明的预警打分模型：逻辑回归拟合各信号的权重，再换算成整数“预警分”。

    预警分 = Σ 信号为真时该信号的分值；分值 = 逻辑回归系数 × ``points_per_logit``
    （四舍五入）。系数按历史“未来违约”标签学到，所以分值直接告诉客户经理：哪个信号
    更要紧。遵循 scikit-learn 估计器约定（``fit`` 返回 self，学到的属性以下划线结尾）；
    输入、未训练时的报错和 ``random_state`` 的规则见 ``ruralfin.risk._base``。

    Parameters
    ----------
    points_per_logit : float, default 20
        对数几率每增加 1 对应多少分（只影响预警分的刻度，不影响概率）。
    C : float, default 1.0
        逻辑回归正则化强度的倒数（越小越保守）。
    random_state : int, RandomState or None, default None
        随机种子：在 ``fit`` 里用 ``check_random_state`` 解析后交给逻辑回归求解器（默认的
        lbfgs 求解器本身不用随机数，所以结果与种子无关）。

    Attributes
    ----------
    feature_names_in_ : ndarray
        训练时的信号列名（用 DataFrame 训练时才有）。
    coef_ : Series
        各信号的系数（对数几率）。
    intercept_ : float
        截距。
    points_ : Series
        各信号的分值（整数）。
    classes_ : ndarray
        ``[0, 1]``。

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame(rng.random((400, 2)) < 0.3, columns=["sig_sales_decline", "sig_industry_shock"])
    >>> y = (rng.random(400) < 0.05 + 0.4 * X["sig_sales_decline"]).astype(int)
    >>> m = EarlyWarningModel(random_state=0).fit(X, y)
    >>> bool(m.points_["sig_sales_decline"] > m.points_["sig_industry_shock"])
    True
    >>> m.predict_proba(X).shape
    (400, 2)
    >>> m.points_.to_dict()
    {'sig_sales_decline': 46, 'sig_industry_shock': 2}
    >>> m.predict_points(X.head(3))  # 第 2 行两个信号都亮：46 + 2
    0     2
    1    48
    2     0
    Name: warning_score, dtype: int64
    """

    _fitted_attr = "coef_"

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False  # 只有 0/1 标签（1 = 未来违约）
        tags.target_tags.required = True
        return tags

    def __init__(self, points_per_logit: float = 20.0, C: float = 1.0, random_state: int | None = None):
        self.points_per_logit = points_per_logit
        self.C = C
        self.random_state = random_state

    def _X(self, X, fitting: bool) -> tuple[np.ndarray, pd.DataFrame]:
        if not fitting:
            self._check_fitted()
        columns = None if fitting else list(self.coef_.index)
        df = self._validate_X(X, fitting=fitting, columns=columns)
        v = self._numeric_matrix(df, list(df.columns) if fitting else columns)
        if np.isnan(v).any():
            raise RuralfinValueError("X 有缺失值；信号缺失请先按“无信号”（0/False）填补（Input X contains NaN）")
        if np.isinf(v).any():
            raise RuralfinValueError("X 有无穷大；信号应为是/否或有限的数（Input X contains infinity）")
        return v, df

    def fit(self, X: pd.DataFrame, y) -> EarlyWarningModel:
        """用历史信号 ``X`` 与未来违约标签 ``y``（0/1）拟合权重，返回 self。"""
        from sklearn.linear_model import LogisticRegression

        check_number(self.points_per_logit, "points_per_logit", min_value=1e-9)
        check_number(self.C, "C", min_value=1e-12)
        v, df = self._X(X, fitting=True)
        yv = self._binary_target(y, len(v), meaning="1 = 未来违约",
                                 missing_hint="如 future_default_label 标为缺失的月份")
        lr = LogisticRegression(C=self.C, random_state=self._random_state(), max_iter=1000)
        lr.fit(v, yv)
        self.classes_ = np.array([0, 1])
        self.coef_ = pd.Series(lr.coef_[0], index=list(df.columns), name="coef")
        self.intercept_ = float(lr.intercept_[0])
        self.points_ = (self.coef_ * self.points_per_logit).round().astype("int64").rename("points")
        self._lr = lr
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """未来违约概率：返回 n×2 数组，第二列为违约概率。"""
        v, _ = self._X(X, fitting=False)  # 先检查（含“是否已训练”），再取 _lr
        return self._lr.predict_proba(v)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """概率超过 0.5 判为 1。预警实务中更常用 :meth:`predict_points` 加本行门槛。"""
        return (self.predict_proba(X)[:, 1] > 0.5).astype("int64")

    def predict_points(self, X: pd.DataFrame) -> pd.Series:
        """预警分：为真的信号分值之和（整数，越高越危险）。

        Returns
        -------
        pandas.Series
            名为 ``warning_score``、整数，索引与 ``X`` 相同（``X`` 是数组时为 0…n−1）。
        """
        v, df = self._X(X, fitting=False)
        score = np.rint(v @ self.points_.to_numpy(dtype="float64")).astype("int64")
        return self._points_series(score, df, "warning_score")

    def points_table(self) -> pd.DataFrame:
        """各信号的系数（``signal_coef``）与分值（``warning_points``），按分值从高到低排列。"""
        self._check_fitted()
        return pd.DataFrame({"signal": self.coef_.index, "signal_coef": self.coef_.to_numpy(),
                             "warning_points": self.points_.to_numpy()}).sort_values(
            "warning_points", ascending=False, kind="stable").reset_index(drop=True)


def warning_lead_time(
    panel: pd.DataFrame,
    *,
    entity: str = "entity_id",
    month: str = "month",
    score: str = "warning_score",
    default_month: str = "default_month",
    threshold: float = 1.0,
    lookback: int = 12,
) -> pd.DataFrame:
    """预警提前期：每个违约主体在违约前最早几个月就亮了预警。

    对每个有 ``default_month`` 的主体，看违约月之前 ``lookback`` 个月内（不含违约当月）
    ``score`` 达到 ``threshold`` 的最早月份；提前期 = 违约月 − 该月（月数）。窗口内从未亮灯
    的，提前期为缺失、``warned`` 为否（漏报）。

    Parameters
    ----------
    panel : DataFrame
        一行一个主体一个月，含预警分与违约月份，不会被修改。
    entity, month, score, default_month : str
        列名。
    threshold : float, default 1.0
        预警分达到多少算“亮灯”。
    lookback : int, default 12
        违约前回看的月数。

    Returns
    -------
    DataFrame
        一行一个违约主体：``entity``、``default_month``、``first_warning_month``、
        ``lead_time_months``（可空整数）、``warned``。

    Examples
    --------
    >>> import pandas as pd
    >>> panel = pd.DataFrame({
    ...     "entity_id": ["A"] * 4 + ["B"] * 4,
    ...     "month": ["2024-01", "2024-02", "2024-03", "2024-04"] * 2,
    ...     "warning_score": [0, 30, 40, 50, 0, 0, 0, 0],
    ...     "default_month": ["2024-04"] * 4 + ["2024-03"] * 4,
    ... })
    >>> warning_lead_time(panel, threshold=30)[["entity_id", "lead_time_months", "warned"]]
      entity_id  lead_time_months  warned
    0         A                 2    True
    1         B              <NA>   False
    """
    name = "panel"
    check_frame(panel, [entity, month, score, default_month], name=name, numeric=[score])
    threshold = check_number(threshold, "threshold")
    lookback = check_int(lookback, "lookback", min_value=1)
    t = _month_index(panel[month], month, name)
    dm = panel[default_month]
    has = dm.notna().to_numpy()
    d = np.full(len(panel), -1, dtype="int64")
    if has.any():
        d[has] = _month_index(dm[has], default_month, name)
    sc = _numeric_values(panel, score, name, allow_nan=True, nonneg=False)
    work = pd.DataFrame({"e": panel[entity].to_numpy(), "t": t, "d": d, "s": sc})
    work = work[has]
    defaulters = work.groupby("e", sort=True)["d"].min()
    win = work[(work["t"] < work["d"]) & (work["t"] >= work["d"] - lookback) & (work["s"] >= threshold)]
    first = win.groupby("e")["t"].min().reindex(defaulters.index)
    lead = (defaulters - first).astype("Int64")
    to_period = lambda a: pd.PeriodIndex.from_ordinals(np.asarray(a, dtype="int64") - 1970 * 12, freq="M")  # noqa: E731
    first_p = pd.Series(pd.NaT, index=defaulters.index, dtype="period[M]")
    ok = first.notna()
    if ok.any():
        first_p[ok] = to_period(first[ok].to_numpy())
    out = pd.DataFrame({
        entity: defaulters.index.to_numpy(),
        "default_month": to_period(defaulters.to_numpy()),
        "first_warning_month": first_p.to_numpy(),
        "lead_time_months": lead.array,
        "warned": ok.to_numpy(),
    })
    return out


def lead_time_summary(lead_times: pd.DataFrame, *, lead_time: str = "lead_time_months") -> pd.DataFrame:
    """提前期分布：各提前月数的违约主体数与占违约主体的比例（含“未预警”一行，记为 ``missed``）。

    Examples
    --------
    >>> import pandas as pd
    >>> lt = pd.DataFrame({"lead_time_months": pd.array([2, 2, 5, None], dtype="Int64")})
    >>> lead_time_summary(lt)
      lead_time_months  n_entities  defaulter_share
    0                2           2             0.50
    1                5           1             0.25
    2           missed           1             0.25
    """
    check_frame(lead_times, [lead_time], name="lead_times")
    s = lead_times[lead_time]
    counts = s.dropna().astype("int64").value_counts().sort_index()
    rows = [(str(k), int(v)) for k, v in counts.items()]
    n_missed = int(s.isna().sum())
    if n_missed:
        rows.append(("missed", n_missed))
    out = pd.DataFrame(rows, columns=["lead_time_months", "n_entities"])
    out["defaulter_share"] = out["n_entities"] / len(s)
    return out


def plot_lead_time(lead_times: pd.DataFrame, *, lead_time: str = "lead_time_months", ax=None,
                   title: str | None = None):
    """提前期分布柱状图（最右一根为未预警）。

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> lt = pd.DataFrame({"lead_time_months": pd.array([1, 3, None], dtype="Int64")})
    >>> ax = plot_lead_time(lt)
    >>> len(ax.patches)
    3
    >>> plt.close("all")
    """
    summ = lead_time_summary(lead_times, lead_time=lead_time)
    ax = _get_ax(ax)
    labels = [("未预警" if k == "missed" else f"{k}") for k in summ["lead_time_months"]]
    ax.bar(labels, summ["n_entities"], color=["#c0392b" if k == "missed" else "#2c7fb8"
                                             for k in summ["lead_time_months"]])
    ax.set_xlabel("违约前提前预警的月数")
    ax.set_ylabel("违约主体数（户）")
    ax.set_title(title or "预警提前期分布")
    return ax
