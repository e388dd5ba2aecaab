"""监管指标：某个月末的贷款台账快照，两个时点之间的“两增两控”与涉农贷款增速，以及指标表的展示。

- :func:`loan_book`：把贷款月度表现与合同表合并成某个月末的在册台账；
- :func:`regulatory_indicators`：逐项给出数值、对比基准、是否达标、出处与可信度；
- :func:`format_indicators`：把指标表排成给人看的文字（户数不带小数，没有基准的格子写“—”）。

要求的出处与口径说明都登记在 ``labels/_economics.py`` 的 ``TEXTS`` 里（``economics.*``）。
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import (
    as_of_index,
    as_of_timestamp,
    bool_column,
    check_bool,
    check_frame,
    check_int,
    check_number,
    column_name,
    key_columns,
    keys_found,
    month_end,
    month_index,
    numeric_column,
    same_key_type,
    schema_columns,
)
from ..errors import RuralfinTypeError, RuralfinValueError
from ._params import parameter_value, ratio

__all__ = ["REGULATORY_INDICATORS", "loan_book", "regulatory_indicators", "format_indicators"]

REGULATORY_INDICATORS = (
    "all_loans_growth", "inclusive_micro_growth", "inclusive_micro_borrowers", "all_loans_npl_ratio",
    "inclusive_micro_npl_ratio", "inclusive_micro_new_loan_rate", "agri_growth", "inclusive_agri_growth",
)


def loan_book(
    loans: pd.DataFrame,
    loan_monthly: pd.DataFrame,
    as_of: Any,
    *,
    loan_id: str = "loan_id",
    month: str = "month",
    balance: str = "balance",
    include_closed: bool = False,
    entities: pd.DataFrame | None = None,
    entity_columns: Sequence[str] = ("customer_group", "industry", "sub_industry", "township"),
    entity_id: str = "entity_id",
    days_past_due: str | None = "days_past_due",
) -> pd.DataFrame:
    """某个月末的贷款台账快照：当月的余额、逾期天数等，加上合同信息。

    把月度表现表 ``loan_monthly`` 中 ``as_of`` 那个月的行，与贷款合同表 ``loans``
    按 ``loan_id`` 合并，得到那个时点“在册”的每一笔贷款。

    Parameters
    ----------
    loans : DataFrame
        贷款合同表（示范县 ``loans``）。
    loan_monthly : DataFrame
        贷款月度表现表（示范县 ``loan_monthly``）。
    as_of : str or Timestamp
        统计时点，如 ``"2024-12-31"``；``"2024-12"`` 或这个月里的任何一天都指 2024 年 12 月。
    loan_id, month, balance : str
        两表共有的贷款编号列、月度表的月份列、余额列。
    include_closed : bool, default False
        是否保留余额为 0 的行（已结清）。
    entities : DataFrame, optional
        主体表；给出时按 ``entity_id`` 列带上 ``entity_columns``（客群、行业等），
        方便直接按客群 × 行业汇总。
    entity_columns : sequence of str
        从 ``entities`` 带过来的列（不存在的自动跳过）。
    entity_id : str, default "entity_id"
        主体编号列。
    days_past_due : str or None, default "days_past_due"
        逾期天数列；给出时追加 ``max_dpd_to_date``：这笔贷款从发放到 ``as_of``
        为止出现过的最长逾期天数。

    Returns
    -------
    DataFrame
        月度表当月的全部列，加上合同表中月度表没有的列（以及上面说明的可选列）。

    Raises
    ------
    RuralfinValueError
        编号缺失或重复；当月有贷款在 ``loans`` 里找不到合同（或借款人不在 ``entities`` 里）——
        左连接会让它们的合同列全是缺失值；余额、逾期天数为负或缺失；合同列（``contract_rate``、
        ``loan_amount`` 等示范县登记过的数值列）缺失、无穷大或越界。
    RuralfinTypeError
        两张表的编号类型不一致（如一边是整数、一边是文字）。

    Examples
    --------
    >>> import pandas as pd
    >>> loans = pd.DataFrame({"loan_id": [1, 2], "contract_rate": [5.0, 6.0]})
    >>> monthly = pd.DataFrame({"loan_id": [1, 2, 1], "balance": [10.0, 0.0, 8.0],
    ...     "month": pd.to_datetime(["2024-12-31", "2024-12-31", "2025-01-31"])})
    >>> loan_book(loans, monthly, "2024-12-31", days_past_due=None)
       loan_id  balance      month  contract_rate
    0        1     10.0 2024-12-31            5.0
    """
    check_frame(loans, [loan_id], name="loans")
    check_frame(loan_monthly, [loan_id, month, balance], name="loan_monthly")
    if entities is not None:
        check_frame(entities, [entity_id], name="entities")
    include_closed = check_bool(include_closed, "include_closed")
    key_columns(loans, loan_id, param="loan_id", frame="loans", unique=True)
    key_columns(loan_monthly, loan_id, param="loan_id", frame="loan_monthly")
    same_key_type(("loan_monthly", loan_monthly, loan_id), ("loans", loans, loan_id))
    schema_columns(loans, "loans")  # 带到台账上的合同列：利率 0–36、金额不为负、不缺失
    target = as_of_index(as_of, param="as_of")
    months = month_index(loan_monthly, month, param="month", frame="loan_monthly")
    snap = loan_monthly[months == target]
    if snap.empty:
        raise RuralfinValueError(
            f"loan_monthly 中没有 {month_end(target).date()} 的数据（参数 as_of）；已有月份："
            + (f"{month_end(int(months.min())).date()} 至 {month_end(int(months.max())).date()}" if len(months)
               else "（无）")
        )
    in_month = f"loan_monthly[{month_end(target).date()}]"  # 报错时指明是哪个月的行
    numeric_column(snap, balance, param="balance", frame=in_month, min_value=0)
    schema_columns(snap, "loan_monthly", frame=in_month)
    if not include_closed:
        snap = snap[snap[balance] > 0]
    keys_found(snap, loans, loan_id, left_frame=in_month, right_frame="loans")
    extra = [c for c in loans.columns if c not in snap.columns or c == loan_id]
    out = snap.merge(loans[extra], on=loan_id, how="left", validate="many_to_one")
    if days_past_due is not None:
        hist = loan_monthly[months <= target]
        numeric_column(hist, days_past_due, param="days_past_due", frame="loan_monthly", min_value=0)
        worst = hist.groupby(loan_id)[days_past_due].max().rename("max_dpd_to_date")
        out = out.merge(worst, left_on=loan_id, right_index=True, how="left")
    if entities is not None:
        key_columns(entities, entity_id, param="entity_id", frame="entities", unique=True)
        check_frame(out, [entity_id], name="loan_monthly")
        key_columns(out, entity_id, param="entity_id", frame=in_month)
        same_key_type((in_month, out, entity_id), ("entities", entities, entity_id))
        keys_found(out, entities, entity_id, left_frame=in_month, right_frame="entities")
        cols = [c for c in entity_columns if c in entities.columns and c not in out.columns]
        out = out.merge(entities[[entity_id] + cols], on=entity_id, how="left", validate="many_to_one")
    return out.reset_index(drop=True)


def _period_end(df: pd.DataFrame, given: Any, month: str, param: str, frame: str) -> pd.Timestamp:
    """台账的时点：给了 ``given`` 就用它，否则取 ``month`` 列唯一的那个月的月末。"""
    if given is not None:
        return as_of_timestamp(given, param=param)
    if isinstance(month, str) and month in df.columns and len(df):
        found = np.unique(month_index(df, month, param="month", frame=frame))
        if len(found) == 1:
            return month_end(int(found[0]))
    raise RuralfinValueError(
        f"无法确定 {frame} 的时点：请给出参数 {param}（如 '2025-12-31'），"
        f"或让 {frame} 含有只有一个取值的列 {month}"
    )


_OTHER_LOAN_COLUMNS = ("balance", "npl_balance", "agri_related_balance")


def _other_loans_at(other_loans: pd.DataFrame, when: pd.Timestamp, month: str) -> dict[str, float]:
    """台账之外的汇总贷款在某个月末的余额、不良与涉农部分之和。"""
    check_frame(other_loans, [month, *_OTHER_LOAN_COLUMNS], name="other_loans", numeric=list(_OTHER_LOAN_COLUMNS))
    months = month_index(other_loans, month, param="month", frame="other_loans")
    rows = months == when.year * 12 + when.month - 1
    if not rows.any():
        raise RuralfinValueError(f"other_loans 的 {month} 列里没有 {when:%Y-%m} 的数据：期初、期末两个月份都要有"
                                 f"（现有 {months.min() // 12}-{months.min() % 12 + 1:02d} 至 "
                                 f"{months.max() // 12}-{months.max() % 12 + 1:02d}）")
    return {c: float(numeric_column(other_loans, c, param=c, frame="other_loans", min_value=0)[rows].sum())
            for c in _OTHER_LOAN_COLUMNS}


def regulatory_indicators(
    book_start: pd.DataFrame,
    book_end: pd.DataFrame,
    *,
    new_loans: pd.DataFrame | None = None,
    other_loans: pd.DataFrame | None = None,
    entity_id: str = "entity_id",
    balance: str = "balance",
    borrower_credit_line: str | None = "borrower_credit_line",
    is_inclusive_micro: str = "is_inclusive_micro",
    is_agri_related: str = "is_agri_related",
    is_inclusive_agri: str | None = None,
    limit_threshold: float = 1000.0,
    threshold_inclusive: bool = True,
    inclusive_agri_limit: float | None = 1000.0,
    days_past_due: str = "days_past_due",
    npl_dpd: int = 90,
    npl_margin: float = 3.0,
    contract_rate: str = "contract_rate",
    loan_amount: str = "loan_amount",
    origination_date: str = "origination_date",
    start_date: Any = None,
    end_date: Any = None,
    month: str = "month",
) -> pd.DataFrame:
    """从两个时点的贷款台账算“两增两控”和涉农贷款增速，逐项给出是否达标。

    口径（均可通过参数调整，见 Parameters）：

    - **普惠型小微企业贷款**：``is_inclusive_micro`` 标志为真，且借款人在本行的单户授信总额
      ``borrower_credit_line`` ≤ ``limit_threshold``（默认 1000 万元，金融监管总局口径“含”；
      ``threshold_inclusive=False`` 时为 < 1000 万元，即人民银行“普惠小微”口径）。
    - **两增**：① 普惠型小微贷款余额增速不低于各项贷款增速；② 有贷款余额的普惠型小微
      借款户数不低于期初。
    - **两控**：③ 普惠型小微不良率不高于各项贷款不良率 + ``npl_margin`` 个百分点（2019 年
      通知）；④ 新发放普惠型小微贷款平均利率——“合理控制贷款综合成本”**没有已核实的量化门槛**，
      本表只给出数值和相对上一个等长期间的升降，不判断达标与否。
    - **不良**：``days_past_due`` 为逾期天数列时按“逾期超过 ``npl_dpd`` 天”认定，
      这是《金融资产风险分类办法》的硬约束，只是不良的**下限**（其他原因也可能归为不良）；
      也可以给一个布尔的不良标志列，直接使用。
    - **涉农贷款**增速与各项贷款增速对比：未核实到对涉农贷款总量的量化要求，只给方向。
    - **普惠型涉农贷款**：定义**未核实**；本表按“涉农且单户授信 ≤ ``inclusive_agri_limit``”
      计算，仅为教学假设（``inclusive_agri_limit=None`` 时不计算这一行）；2024 年金融监管总局
      目标为增速力争不低于各项贷款平均增速。

    增速 = 期末余额 / 期初余额 − 1。两个时点应取“上年同期”还是“年初”，各年文件说法不一
    （“较年初”口径未核实），由传入的两张台账决定。

    Parameters
    ----------
    book_start, book_end : DataFrame
        期初、期末的贷款台账，每行一笔在册贷款（例如 :func:`loan_book` 的结果）。
    new_loans : DataFrame, optional
        全部贷款合同（含已结清的），用于计算新发放贷款平均利率；不给时只能从期末台账里找
        期间内发放且仍在册的贷款（会漏掉期内已结清的短期贷款）。
    other_loans : DataFrame, optional
        台账之外、只按月汇总的其他贷款（个人住房、消费、公司贷款、票据贴现……），如示范县的
        ``bank_book_monthly``：要有 ``month``、``balance``、``npl_balance``、``agri_related_balance``
        列，两个时点的月份都要有。给出时，“各项贷款”（增速与不良率的基准）和涉农贷款都是
        台账 + 这些汇总，普惠型小微只来自台账（汇总里的贷款不是普惠型小微）。不给时，各项贷款
        就是两张台账本身——台账只含经营性贷款时，这个基准是偏的。
    entity_id, balance, borrower_credit_line, is_inclusive_micro, is_agri_related : str
        借款人编号、余额、单户授信总额、普惠型小微标志、涉农标志各列（标志列为是/否：
        True/False 或 0/1）。``borrower_credit_line=None`` 时只看 ``is_inclusive_micro`` 标志。
    contract_rate, loan_amount, origination_date : str
        合同利率（百分数）、合同金额、发放日期各列。
    limit_threshold : float, default 1000.0
        单户授信总额上限（与 ``borrower_credit_line`` 同单位，示范县为万元）。
    threshold_inclusive : bool, default True
        上限是否包含等于（≤）。
    inclusive_agri_limit : float or None, default 1000.0
        普惠型涉农贷款的单户授信上限（**教学假设，定义未核实**）；``None`` 不计算。
    is_inclusive_agri : str, optional
        普惠型涉农标志列（如示范县 ``loans.is_inclusive_agri``，按借款人类型分档的教学假设）；
        给出时普惠型涉农贷款按这一列计算，``inclusive_agri_limit`` 不再使用。
    days_past_due : str, default "days_past_due"
        逾期天数列，或布尔的不良标志列。
    npl_dpd : int, default 90
        逾期天数**超过**多少天算不良（0 表示有逾期即算不良；不许为负或缺失）。逾期天数列本身
        不许缺失或为负。
    npl_margin : float, default 3.0
        不良率容忍度：普惠型小微不良率可高出各项贷款不良率的百分点数。
    start_date, end_date : date-like, optional
        期初、期末日期；不给时从两张台账的 ``month`` 列推断。
    month : str, default "month"
        台账中的时点（月份）列。

    Returns
    -------
    DataFrame
        每个指标一行：``indicator``、``value``（数值）、``benchmark``（对比基准）、``unit``、
        ``requirement``（要求）、``met``（是否达标；无量化要求或无法计算时为空）、
        ``direction``（相对基准高于/低于/持平）、``verified``（要求本身的可信度：V 已核实，
        S 二手来源，U 未核实）、``source``（出处）、``note``（口径说明）。
        增速、不良率、利率均为百分数。

    Examples
    --------
    >>> import pandas as pd
    >>> start = pd.DataFrame({"entity_id": [1, 2, 3], "balance": [100.0, 50.0, 850.0],
    ...     "borrower_credit_line": [200.0, 100.0, 2000.0], "is_inclusive_micro": [True, True, False],
    ...     "is_agri_related": [True, False, False], "days_past_due": [0, 0, 0],
    ...     "contract_rate": [5.0, 6.0, 4.0], "loan_amount": [100.0, 50.0, 900.0],
    ...     "origination_date": pd.to_datetime(["2024-03-01", "2024-06-01", "2023-01-01"])})
    >>> end = start.assign(balance=[120.0, 70.0, 810.0], days_past_due=[0, 120, 0])
    >>> t = regulatory_indicators(start, end, start_date="2024-12-31", end_date="2025-12-31")
    >>> t[["indicator", "value", "benchmark", "met"]].round(2)
                           indicator  value  benchmark    met
    0               all_loans_growth   0.00        NaN   None
    1         inclusive_micro_growth  26.67       0.00   True
    2      inclusive_micro_borrowers   2.00       2.00   True
    3            all_loans_npl_ratio   7.00        NaN   None
    4      inclusive_micro_npl_ratio  36.84      10.00  False
    5  inclusive_micro_new_loan_rate    NaN       5.33   None
    6                    agri_growth  20.00       0.00   None
    7          inclusive_agri_growth  20.00       0.00   True

    期内没有新发放的普惠型小微贷款，所以本期平均利率为空；基准 5.33% 是上一年新发放的
    两笔按金额加权：(5.0 × 100 + 6.0 × 50) / 150。

    台账只含经营性贷款时，把全行其他贷款的月度汇总一并给出，各项贷款的基准才对：

    >>> other = pd.DataFrame({"month": pd.to_datetime(["2024-12-31", "2025-12-31"]),
    ...     "balance": [1000.0, 1100.0], "npl_balance": [10.0, 11.0], "agri_related_balance": [400.0, 400.0]})
    >>> t = regulatory_indicators(start, end, other_loans=other, start_date="2024-12-31", end_date="2025-12-31")
    >>> t.set_index("indicator").loc[["all_loans_growth", "inclusive_micro_growth", "all_loans_npl_ratio"],
    ...                              ["value", "benchmark", "met"]].round(2)
                            value  benchmark   met
    indicator
    all_loans_growth         5.00        NaN  None
    inclusive_micro_growth  26.67       5.00  True
    all_loans_npl_ratio      3.86        NaN  None
    """
    check_frame(book_start, [entity_id, balance], name="book_start", numeric=[balance])
    check_frame(book_end, [entity_id, balance], name="book_end", numeric=[balance])
    key_columns(book_start, entity_id, param="entity_id", frame="book_start")
    key_columns(book_end, entity_id, param="entity_id", frame="book_end")
    same_key_type(("book_start", book_start, entity_id), ("book_end", book_end, entity_id))
    thr = check_number(limit_threshold, "limit_threshold", min_value=0)
    margin_pp = check_number(npl_margin, "npl_margin", min_value=0, max_value=100)
    # 逾期“超过” npl_dpd 天算不良：0 表示有逾期即算；不许负数（否则没逾期的也成了不良）
    dpd_limit = check_number(npl_dpd, "npl_dpd", min_value=0, max_value=3650)
    threshold_inclusive = check_bool(threshold_inclusive, "threshold_inclusive")
    agri_thr = None if inclusive_agri_limit is None else check_number(
        inclusive_agri_limit, "inclusive_agri_limit", min_value=0)
    t0 = _period_end(book_start, start_date, month, "start_date", "book_start")
    t1 = _period_end(book_end, end_date, month, "end_date", "book_end")
    if t1 <= t0:
        raise RuralfinValueError(f"期末日期 {t1.date()} 应晚于期初日期 {t0.date()}（参数 start_date / end_date）")

    def under(df, frame, limit):
        if borrower_credit_line is None:
            return np.ones(len(df), dtype=bool)
        cl = parameter_value(df, borrower_credit_line, "borrower_credit_line", frame=frame)
        return cl <= limit if threshold_inclusive else cl < limit

    def flag(df, column, param, frame):
        return bool_column(df, column, param=param, frame=frame, missing=None)

    def is_npl(df, frame):
        col = column_name(df, days_past_due, param="days_past_due", frame=frame)
        if pd.api.types.is_bool_dtype(df[col]):
            return flag(df, col, "days_past_due", frame)
        if not pd.api.types.is_numeric_dtype(df[col]):
            raise RuralfinTypeError(f"{frame} 的列 {col}（参数 days_past_due）应为逾期天数或布尔的不良标志，"
                                    f"实际是 {df[col].dtype}")
        return numeric_column(df, col, param="days_past_due", frame=frame, min_value=0) > dpd_limit

    def inclusive_micro(df, frame):
        return flag(df, is_inclusive_micro, "is_inclusive_micro", frame) & under(df, frame, thr)

    def summary(df, frame):
        bal = parameter_value(df, balance, "balance", frame=frame)
        im = inclusive_micro(df, frame)
        ag = flag(df, is_agri_related, "is_agri_related", frame)
        bad = is_npl(df, frame)
        has = bal > 0
        s = {
            "all": bal.sum(), "im": bal[im].sum(), "agri": bal[ag].sum(),
            "im_borrowers": df.loc[im & has, entity_id].nunique(),
            "npl_all": bal[bad].sum(), "npl_im": bal[bad & im].sum(),
        }
        if is_inclusive_agri is not None:
            s["iagri"] = bal[flag(df, is_inclusive_agri, "is_inclusive_agri", frame)].sum()
        elif agri_thr is not None:
            s["iagri"] = bal[ag & under(df, frame, agri_thr)].sum()
        return s

    s0, s1 = summary(book_start, "book_start"), summary(book_end, "book_end")
    if other_loans is not None:
        for s, when in ((s0, t0), (s1, t1)):
            extra = _other_loans_at(other_loans, when, month)
            s["all"] += extra["balance"]
            s["npl_all"] += extra["npl_balance"]
            s["agri"] += extra["agri_related_balance"]

    def growth(key):
        return float(ratio(s1[key] - s0[key], s0[key]) * 100.0)

    g_all, g_im, g_agri = growth("all"), growth("im"), growth("agri")
    npl_all = float(ratio(s1["npl_all"], s1["all"]) * 100.0)
    npl_im = float(ratio(s1["npl_im"], s1["im"]) * 100.0)

    # 新发放普惠型小微贷款平均利率：本期 (t0, t1] 与上一个等长期间 (t0 - (t1 - t0), t0]
    def new_rate(df, frame, lo, hi):
        check_frame(df, [origination_date, contract_rate, loan_amount], name=frame,
                    numeric=[contract_rate, loan_amount], allow_empty=True)
        if df.empty:
            return np.nan
        when = df[origination_date]
        if not pd.api.types.is_datetime64_any_dtype(when.dtype):
            raise RuralfinTypeError(f"{frame} 的列 {origination_date}（参数 origination_date）应为日期，"
                                    f"实际类型是 {when.dtype}；请先用 pd.to_datetime 转换")
        if when.isna().any():
            raise RuralfinValueError(f"{frame} 的列 {origination_date} 有 {int(when.isna().sum())} 个缺失的发放日期")
        sel = ((when > lo) & (when <= hi)).to_numpy(dtype=bool, copy=True)
        sel = sel & inclusive_micro(df, frame)
        amt = numeric_column(df, loan_amount, param="loan_amount", frame=frame, min_value=0)[sel]
        r = parameter_value(df, contract_rate, "contract_rate", frame=frame)[sel]
        return float(ratio((r * amt).sum(), amt.sum())) if sel.any() else np.nan

    prev_lo = t0 - (t1 - t0)
    if new_loans is not None:
        check_frame(new_loans, name="new_loans")
        rate_now = new_rate(new_loans, "new_loans", t0, t1)
        rate_prev = new_rate(new_loans, "new_loans", prev_lo, t0)
        rate_note = labels.text("economics.new_rate_from_contracts")
    else:
        rate_now = new_rate(book_end, "book_end", t0, t1)
        rate_prev = new_rate(book_start, "book_start", prev_lo, t0)
        rate_note = labels.text("economics.new_rate_from_books")

    def direction(v, b):
        if not (np.isfinite(v) and np.isfinite(b)):
            return None
        return "above" if v > b + 1e-9 else "below" if v < b - 1e-9 else "equal"

    def at_least(v, b):
        return v >= b - 1e-9 if np.isfinite(v) and np.isfinite(b) else pd.NA

    def text(key, **values):
        return labels.text(f"economics.{key}", **values)

    period = text("period", start=t0.date(), end=t1.date())
    cmp = "≤" if threshold_inclusive else "<"
    im_def = (text("inclusive_micro_rule", flag=is_inclusive_micro, cmp=cmp, limit=thr, credit_line=borrower_credit_line)
              if borrower_credit_line is not None else text("inclusive_micro_flag_only", flag=is_inclusive_micro))
    npl_def = (text("npl_rule_flag", column=days_past_due) if pd.api.types.is_bool_dtype(book_end[days_past_due])
               else text("npl_rule_dpd", days=dpd_limit, source=text("source.npl_rule")))
    src_2019, src_2018 = text("source.notice_2019"), text("source.notice_2018")
    baseline = text("requirement.baseline")
    rows = [
        ("all_loans_growth", g_all, np.nan, "%", baseline, pd.NA, None, "", "",
         text("note.all_loans_growth", period=period)),
        ("inclusive_micro_growth", g_im, g_all, "%", text("requirement.inclusive_micro_growth"), at_least(g_im, g_all),
         direction(g_im, g_all), "V", text("source.inclusive_micro_growth", notice_2019=src_2019, notice_2018=src_2018),
         text("note.inclusive_micro_growth", definition=im_def, period=period)),
        ("inclusive_micro_borrowers", float(s1["im_borrowers"]), float(s0["im_borrowers"]), text("unit.households"),
         text("requirement.inclusive_micro_borrowers"), s1["im_borrowers"] >= s0["im_borrowers"],
         direction(s1["im_borrowers"], s0["im_borrowers"]), "S", src_2018, text("note.inclusive_micro_borrowers")),
        ("all_loans_npl_ratio", npl_all, np.nan, "%", baseline, pd.NA, None, "", "",
         text("note.all_loans_npl_ratio", npl_rule=npl_def)),
        ("inclusive_micro_npl_ratio", npl_im, npl_all + margin_pp, "%",
         text("requirement.inclusive_micro_npl_ratio", margin=margin_pp),
         npl_im <= npl_all + margin_pp + 1e-9 if np.isfinite(npl_im) and np.isfinite(npl_all) else pd.NA,
         direction(npl_im, npl_all + margin_pp), "V", src_2019,
         text("note.inclusive_micro_npl_ratio", npl_rule=npl_def)),
        ("inclusive_micro_new_loan_rate", rate_now, rate_prev, "%", text("requirement.inclusive_micro_new_loan_rate"),
         pd.NA, direction(rate_now, rate_prev), "S", src_2018,
         text("note.inclusive_micro_new_loan_rate", period=period, rate_note=rate_note)),
        ("agri_growth", g_agri, g_all, "%", text("requirement.agri_growth"), pd.NA,
         direction(g_agri, g_all), "U", "", text("note.agri_growth", flag=is_agri_related, period=period)),
    ]
    if "iagri" in s1:
        g_ia = growth("iagri")
        rows.append((
            "inclusive_agri_growth", g_ia, g_all, "%", text("requirement.inclusive_agri_growth"), at_least(g_ia, g_all),
            direction(g_ia, g_all), "U", text("source.nfra_2024"),
            text("note.inclusive_agri_flag", flag=is_inclusive_agri) if is_inclusive_agri is not None
            else text("note.inclusive_agri_growth", flag=is_agri_related, cmp=cmp, limit=agri_thr),
        ))
    out = pd.DataFrame(rows, columns=["indicator", "value", "benchmark", "unit", "requirement", "met",
                                      "direction", "verified", "source", "note"])
    # 用 True/False/None 的 object 列：to_display 目前处理不了带 NA 的可空布尔列
    out["met"] = pd.Series([None if v is pd.NA or v is None else bool(v) for v in out["met"]],
                           index=out.index, dtype=object)
    out["value"] = out["value"].astype(float)
    out["benchmark"] = out["benchmark"].astype(float)
    return out


def format_indicators(table: pd.DataFrame, *, digits: int = 2) -> pd.DataFrame:
    """把 :func:`regulatory_indicators` 的结果排成给人看的文字，再交给 ``rf.to_display`` 展示。

    指标表是一张“长表”：同一列里既有百分数，也有户数，直接显示时户数会被写成 ``2828.00``；
    没有对比基准、没有量化要求的格子显示为 ``NaN``。本函数逐格写成文字：

    - ``value``、``benchmark``：百分数等保留 ``digits`` 位小数；户数等计数（单位为户、笔、个……，
      登记在 ``economics.count_units``）写成带千分位的整数，如 ``2,828``；这一行本身就是对比基准、
      或算不出来（如期内没有新发放贷款）时为 ``—``；
    - ``met``：``达标`` / ``未达标``；这一行本身是对比基准时为 ``—``，有基准但没有已核实的量化
      要求（只看升降）时为 ``—（只看方向）``，算不出来时为 ``—（无法计算）``。

    其余列（``indicator``、``verified`` 等编码）原样保留，由 ``rf.to_display`` 换成中文。
    返回新表，不修改 ``table``；要计算请用原表的数值。

    Parameters
    ----------
    table : DataFrame
        :func:`regulatory_indicators` 的结果（至少含 ``value``、``benchmark``、``unit``、``met`` 列）。
    digits : int, default 2
        非计数指标保留的小数位数。

    Returns
    -------
    DataFrame
        列与 ``table`` 相同，``value``、``benchmark``、``met`` 为文字。

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"indicator": ["all_loans_growth", "inclusive_micro_borrowers", "inclusive_micro_new_loan_rate"],
    ...     "value": [13.7834, 2873.0, 4.5312], "benchmark": [float("nan"), 2828.0, 4.74], "unit": ["%", "户", "%"],
    ...     "met": [None, True, None]})
    >>> format_indicators(t)[["value", "benchmark", "met"]]
       value benchmark      met
    0  13.78         —        —
    1  2,873     2,828       达标
    2   4.53      4.74  —（只看方向）
    """
    check_frame(table, ["value", "benchmark", "unit", "met"], name="table", numeric=["value", "benchmark"])
    digits = check_int(digits, "digits", min_value=0)
    counts = set(labels.text("economics.count_units").split("、"))
    blank = labels.text("economics.shown.none")

    def number(v, unit):
        if pd.isna(v):
            return blank
        return f"{v:,.0f}" if str(unit) in counts else f"{v:,.{digits}f}"

    def met(m, v, b):
        if m is not None and not pd.isna(m):
            return labels.value_label("met", bool(m))
        if pd.isna(b):
            return blank
        return labels.text("economics.shown.not_computable" if pd.isna(v) else "economics.shown.direction_only")

    out = table.copy()
    rows = zip(table["value"], table["benchmark"], table["unit"], table["met"])
    shown = [(number(v, u), number(b, u), met(m, v, b)) for v, b, u, m in rows]
    for j, col in enumerate(["value", "benchmark", "met"]):
        out[col] = pd.Series([r[j] for r in shown], index=table.index, dtype=object)
    return out
