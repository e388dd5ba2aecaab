"""贷后监测（三）：账龄分析（vintage）——各放款批次在每个账龄上的累计逾期率。

本模块对应课程第四部分途径二 (5) “贷款贷后监测模型”。同一课的五级分类在
:mod:`ruralfin.risk.classification`，迁移矩阵与滚动率在 :mod:`ruralfin.risk.migration`。
函数接收一张月度面板（一行一笔贷款一个月）、返回一张新表，不修改输入；列名都是参数，
默认值与示范县的 ``loan_monthly`` 一致。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import labels
from .._validation import check_choice, check_frame, check_int, key_columns, month_index, numeric_column
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = ["vintage_table", "plot_vintage"]


def vintage_table(
    panel: pd.DataFrame,
    *,
    loan_id: str = "loan_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    months_on_book: str | None = "months_on_book",
    origination: str | None = None,
    dpd_threshold: int = 30,
    weight: str = "count",
    loan_amount: str = "loan_amount",
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
    loan_id, month, days_past_due : str
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
        按笔数，或按放款金额（``loan_amount`` 列）加权。
    loan_amount : str, default "loan_amount"
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
    need = [loan_id, month, days_past_due] + [c for c in (months_on_book, origination) if c]
    if weight == "balance":
        need.append(loan_amount)
    check_frame(panel, need, name=name, numeric=[days_past_due])
    check_choice(weight, ["count", "balance"], "weight")
    dpd_threshold = check_int(dpd_threshold, "dpd_threshold", min_value=0)
    if not isinstance(wide, bool):
        raise RuralfinTypeError(f"参数 wide 应为 True 或 False，实际是 {wide!r}")
    t = month_index(panel, month, frame=name)
    dpd = numeric_column(panel, days_past_due, frame=name, min_value=0)
    key_columns(panel, loan_id, param="loan_id", frame=name)
    lid, _ = pd.factorize(panel[loan_id])
    n_loans = lid.max() + 1
    orig = np.full(n_loans, np.iinfo("int64").max)
    if months_on_book:
        mob_col = numeric_column(panel, months_on_book, frame=name, min_value=0)
        np.minimum.at(orig, lid, t - mob_col.astype("int64"))
    elif origination:
        np.minimum.at(orig, lid, month_index(panel, origination, frame=name))
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
        amt_row = numeric_column(panel, loan_amount, frame=name, min_value=0)
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
    check_frame(table, name="table", numeric=list(table.columns))
    vals = table.to_numpy(dtype=float, na_value=np.nan)
    if np.isinf(vals).any():
        raise RuralfinValueError(f"table 有 {int(np.isinf(vals).sum())} 个无穷大的值；应为 vintage_table 的累计逾期率（缺失留空）")
    if not isinstance(percent, bool):
        raise RuralfinTypeError(f"参数 percent 应为 True 或 False，实际是 {type(percent).__name__}：{percent!r}")
    from ..plotting import get_ax

    ax = get_ax(ax, figsize=(7, 4.5))
    for cohort, row in table.iterrows():
        y = row.dropna()
        ax.plot(np.asarray(y.index, dtype=float), y.to_numpy(dtype=float) * (100 if percent else 1),
                marker="o", markersize=3, label=str(cohort))
    ax.set_xlabel(labels.text("vintage.xlabel"))
    ax.set_ylabel(labels.text("vintage.ylabel_percent") if percent else labels.label("ever_bad_rate"))
    ax.set_title(title or labels.text("vintage.title"))
    if len(table) <= 15:
        ax.legend(title=labels.text("vintage.legend_title"), fontsize="small")
    return ax
