"""贷后监测（一）：五级分类、逾期账龄桶与不良率。

本模块对应课程第四部分途径二 (5) “贷款贷后监测模型”的第一步：给每笔贷款定级。同一课的
迁移矩阵与滚动率在 :mod:`ruralfin.risk.migration`，账龄分析在 :mod:`ruralfin.risk.vintage`，
预警在 :mod:`ruralfin.risk.early_warning`。所有函数都接收一张 DataFrame、返回一张新表，
不修改输入；列名都是参数，默认值与示范县一致。

五级分类规则的出处与可信度（[V] 已在所列来源中读到；[S] 只见于二手来源；[U] 未能核实）：

- [V] 《商业银行金融资产风险分类办法》（原银保监会、中国人民银行令 2023 年第 1 号，2023-02-11 发布，
  2023-07-01 施行）：
  逾期即至少“关注”；逾期超过 90 天至少“次级”（即使抵押担保充足）；超过 270 天
  至少“可疑”；超过 360 天归为“损失”。
- [V] 以债务人为中心：同一债务人在本行的债权超过 10% 被分为不良，则其在本行的
  全部债权都归为不良；债务人在所有银行的债务中逾期 90 天以上的超过 20%，各行
  都应将其债权归为不良。
- [V] 重组资产观察期：自重组后约定的首个还款日起，至少包含连续两个还款期，且不少于 1 年。
  观察期内“至少关注类”这一下限 **未能在办法原文或可靠转述中核实 [U]**，因此做成参数
  ``restructured_floor``。
- [V] 符合条件的续贷（《国家金融监督管理总局关于做好续贷工作 提高小微企业金融服务水平的通知》，
  金规〔2024〕13号，2024-09-24）可维持正常类，不因续贷单独下调；不符合条件的
  “按偿债能力真实分类”——这需要人工判断，规则本身不自动下调（可用参数
  ``unqualified_renewal_floor`` 设一个保守下限）。
- [U] 零售资产（农户、个体户小额贷款）在办法中的具体逐笔分类条款未核实；本模块只实现
  上面列出的硬约束，其余靠 ``base_grade``（客户经理/风险经理的人工判断）。

逾期账龄桶 M0–M4+ 的分段（1–30、31–60、61–90、>90 天）只见于技术博客等二手来源 [S]；
“M 编号”本身是行业惯例，[U] 无权威出处。
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import (
    bool_column,
    check_choice,
    check_frame,
    check_number,
    column_names,
    fmt_list,
    key_columns,
    numeric_column,
)
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "GRADES",
    "GRADE_NAMES",
    "DPD_BUCKETS",
    "classify_loans",
    "npl_ratio",
    "dpd_bucket",
]

#: 五级分类编码，按风险由低到高排列；后三类合称不良。
GRADES: tuple[str, ...] = ("normal", "special_mention", "substandard", "doubtful", "loss")
#: 编码对应的中文名（只读，取自标签登记处：``labels.get("risk_grade").values``）。
GRADE_NAMES: Mapping[str, str] = labels.get("risk_grade").values
GRADE_DTYPE = pd.CategoricalDtype(list(GRADES), ordered=True)
_GRADE_CODE = {**{g: i for i, g in enumerate(GRADES)}, **{GRADE_NAMES[g]: i for i, g in enumerate(GRADES)}}
#: 不良的最低一级（次级）在 :data:`GRADES` 里的位置。
NPL_MIN = 2

#: 逾期账龄桶（行业惯例编号 [U]）。
DPD_BUCKETS: tuple[str, ...] = ("M0", "M1", "M2", "M3", "M4+")
BUCKET_DTYPE = pd.CategoricalDtype(list(DPD_BUCKETS), ordered=True)
_BUCKET_EDGES = np.array([0, 30, 60, 90])  # dpd <= edge[k] -> bucket k

_DRIVERS = ("none", "overdue", "restructured", "renewal", "base", "borrower_10pct", "cross_bank_20pct")
_DRIVER_DTYPE = pd.CategoricalDtype(list(_DRIVERS))


# ---------------------------------------------------------------------------
# 分类编码
# ---------------------------------------------------------------------------
def grade_codes(df: pd.DataFrame, column: str, *, frame: str = "df") -> np.ndarray:
    """五级分类列 -> 0..4 整数（0 = 正常 … 4 = 损失）；缺失视为正常。接受英文编码或中文名。

    :mod:`ruralfin.risk.migration` 用它把分类列换成迁移矩阵的行列号。

    Examples
    --------
    >>> import pandas as pd
    >>> grade_codes(pd.DataFrame({"risk_grade": ["normal", "次级", None]}), "risk_grade")
    array([0, 2, 0], dtype=int8)
    """
    s = df[column]
    names = "/".join(GRADE_NAMES[g] for g in GRADES)
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in s.cat.categories]
        bad = [c for c in cats if c not in _GRADE_CODE]
        if bad:
            raise RuralfinValueError(
                f"{frame} 的列 {column} 有不认识的分类：{fmt_list(bad)}；可用 {fmt_list(GRADES)} 或 {names}"
            )
        lut = np.array([_GRADE_CODE[c] for c in cats] + [0], dtype="int8")
        return lut[s.cat.codes.to_numpy()]  # code -1 (缺失) -> 最后一格 = 正常
    vals = s.astype("object").where(s.notna(), "normal")
    uniq = pd.unique(vals.to_numpy())
    bad = [u for u in uniq if u not in _GRADE_CODE]
    if bad:
        raise RuralfinValueError(
            f"{frame} 的列 {column} 有不认识的分类：{fmt_list(bad)}；可用 {fmt_list(GRADES)} 或 {names}"
        )
    return vals.map(_GRADE_CODE).to_numpy(dtype="int8")


def _grade_floor(value: Any, name: str) -> int | None:
    """下限参数（如 ``restructured_floor``）-> 0..4；``None`` 表示不设。"""
    if value is None:
        return None
    return _GRADE_CODE[check_choice(value, _GRADE_CODE, name)]


# ---------------------------------------------------------------------------
# 五级分类
# ---------------------------------------------------------------------------
def classify_loans(
    loans: pd.DataFrame,
    *,
    days_past_due: str = "days_past_due",
    entity_id: str = "entity_id",
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

    1. 逾期天数（[V] 2023 年分类办法）：逾期 1 天起至少关注；超过 90 天至少次级
       （抵押担保再充足也一样）；超过 270 天至少可疑；超过 360 天为损失。
       “超过”按严格大于理解：90 天仍是关注，91 天才是次级。
    2. 重组（``restructured`` 为真，表示仍在重组观察期内）：至少 ``restructured_floor``。
       观察期的长度 [V]（自重组后首个还款日起至少连续两个还款期且不少于 1 年），
       观察期内的下限为关注 [U]（未能核实，故为参数）。
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
    entity_id : str, default "entity_id"
        债务人编号列，用于 10% 规则。
    balance : str, default "balance"
        贷款余额列，用于按余额计算 10% 规则。
    base_grade : str, optional
        基础分类列（人工认定或上期分类），取值为英文编码或中文名；缺失视为正常。
    restructured, renewal, renewal_qualified : str, optional
        是/否列：处于重组观察期；本笔为续贷；续贷满足金规〔2024〕13号所列条件（原贷款正常，借款人合规经营、
        经营稳定、信用良好、符合放贷标准等）。
    cross_bank_overdue_share : str, optional
        债务人在所有银行逾期 90 天以上债务占其全部债务的比例（0–1）。
    period : str, optional
        时点列（如月度面板的 ``month``）。给出时债务人 10% 规则在每个时点内分别计算，
        于是可以一次给整张月度面板（如示范县 ``loan_monthly``）分类，再做迁移矩阵；
        不给时整张表视为同一时点的快照。
    borrower_rule : bool, default True
        是否执行债务人 10% 规则。
    borrower_threshold, cross_bank_threshold : float
        两条债务人规则的门槛，默认 0.10 与 0.20（2023 年分类办法）。
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
    required = [days_past_due, entity_id, balance]
    optional = [c for c in (base_grade, restructured, renewal, renewal_qualified, cross_bank_overdue_share,
                            period) if c is not None]
    check_frame(loans, required + optional, name=name, numeric=[days_past_due, balance])
    if not isinstance(borrower_rule, bool):
        raise RuralfinTypeError(f"参数 borrower_rule 应为 True 或 False，实际是 {borrower_rule!r}")
    borrower_threshold = check_number(borrower_threshold, "borrower_threshold", min_value=0, max_value=1)
    cross_bank_threshold = check_number(cross_bank_threshold, "cross_bank_threshold", min_value=0, max_value=1)
    restructured_code = _grade_floor(restructured_floor, "restructured_floor")
    renewal_code = _grade_floor(unqualified_renewal_floor, "unqualified_renewal_floor")

    dpd = numeric_column(loans, days_past_due, frame=name, min_value=0)
    bal = numeric_column(loans, balance, frame=name, min_value=0)
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

    qualified = bool_column(loans, renewal_qualified, frame=name) if renewal_qualified else np.zeros(n, bool)
    # 2. 重组观察期（合格续贷不按重组处理）
    if restructured is not None and restructured_code is not None:
        mask = bool_column(loans, restructured, frame=name) & ~qualified
        worsen(np.where(mask, restructured_code, 0).astype("int8"), _DRIVERS.index("restructured"))
    # 3. 不合格续贷
    if renewal is not None and renewal_code is not None:
        mask = bool_column(loans, renewal, frame=name) & ~qualified
        worsen(np.where(mask, renewal_code, 0).astype("int8"), _DRIVERS.index("renewal"))
    # 人工/基础分类
    if base_grade is not None:
        worsen(grade_codes(loans, base_grade, frame=name), _DRIVERS.index("base"))

    # 4. 债务人 10% 规则（按本表余额）
    if borrower_rule:
        key_columns(loans, entity_id, param="entity_id", frame=name)
        codes, uniques = pd.factorize(loans[entity_id], sort=False)
        if period is not None:
            pcodes, puniq = pd.factorize(loans[period], sort=False)
            if (pcodes < 0).any():
                raise RuralfinValueError(f"{name} 的列 {period} 有 {int((pcodes < 0).sum())} 个缺失的时点")
            codes, uniques = pd.factorize(codes.astype("int64") * len(puniq) + pcodes, sort=False)
        total = np.bincount(codes, weights=bal, minlength=len(uniques))
        bad = np.bincount(codes, weights=np.where(grade >= NPL_MIN, bal, 0.0), minlength=len(uniques))
        # 严格“超过”门槛；留一点相对容差，避免 0.1 这类浮点误差把“恰好 10%”算成超过
        hit = (bad - borrower_threshold * total) > 1e-9 * np.maximum(total, 1e-300)
        hit &= total > 0
        worsen(np.where(hit[codes], NPL_MIN, 0).astype("int8"), _DRIVERS.index("borrower_10pct"))

    # 5. 跨行 20% 规则
    if cross_bank_overdue_share is not None:
        share = numeric_column(loans, cross_bank_overdue_share, frame=name, allow_nan=True, min_value=0,
                               max_value=1)
        hit = np.nan_to_num(share, nan=0.0) - cross_bank_threshold > 1e-12
        worsen(np.where(hit, NPL_MIN, 0).astype("int8"), _DRIVERS.index("cross_bank_20pct"))

    out = loans.copy()
    out["risk_grade"] = pd.Categorical.from_codes(grade, dtype=GRADE_DTYPE)
    out["is_npl"] = grade >= NPL_MIN
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
    check_frame(loans, [grade, balance], name="loans", numeric=[balance])
    by_cols = column_names(loans, by, param="by", frame="loans")
    codes = grade_codes(loans, grade, frame="loans")
    bal = numeric_column(loans, balance, frame="loans", min_value=0)
    work = pd.DataFrame({
        "n_loans": 1,
        "n_npl": (codes >= NPL_MIN).astype("int64"),
        "total_balance": bal,
        "npl_balance": np.where(codes >= NPL_MIN, bal, 0.0),
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
# 逾期账龄桶
# ---------------------------------------------------------------------------
def dpd_bucket(days_past_due: pd.Series | Sequence[float] | np.ndarray) -> pd.Series:
    """逾期天数 → 逾期账龄桶 M0（未逾期）、M1（1–30 天）、M2（31–60）、M3（61–90）、M4+（>90）。

    分段只见于二手来源 [S]；“M 编号”是行业惯例 [U]，不同机构写法不一（也有把 >90 天叫
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
    v = numeric_column(s.to_frame("days_past_due"), "days_past_due", frame="days_past_due", min_value=0)
    codes = np.searchsorted(_BUCKET_EDGES, v, side="left").astype("int8")
    return pd.Series(pd.Categorical.from_codes(codes, dtype=BUCKET_DTYPE), index=s.index, name="dpd_bucket")
