"""贷后监测（二）：状态在月度面板上的转移——五级分类迁移矩阵与逾期账龄桶滚动率。

本模块对应课程第四部分途径二 (5) “贷款贷后监测模型”。分类本身（五级分类、逾期账龄桶）在
:mod:`ruralfin.risk.classification`；这里看的是本月处于某一状态的贷款，下个月去了哪里。
所有函数都接收一张月度面板（一行一笔贷款一个月）、返回一张新表，不修改输入；
列名都是参数，默认值与示范县的 ``loan_monthly`` 一致。

滚动率（roll rate）按业内通行口径（如 Oracle 贷款损失预测与计提产品 LLFP 的用户文档）：本月在某桶的
贷款中，下月落在各桶的比例；下月不在表中的贷款（结清、核销、转出）单列为
``closed``，面板最后一个月没有下月，不计入。
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .. import labels
from .._validation import as_of_index, check_choice, check_frame, check_int, key_columns, month_index, numeric_column
from ..errors import RuralfinTypeError, RuralfinValueError
from .classification import DPD_BUCKETS, GRADES, dpd_bucket, grade_codes

__all__ = [
    "migration_matrix",
    "roll_rate_matrix",
    "roll_forward_rates",
    "plot_roll_rates",
    "plot_migration",
]

#: 迁移矩阵、滚动率矩阵里“下月不在表中”（结清、核销、转出）那一列的编码。
EXIT = "closed"


# ---------------------------------------------------------------------------
# 月度面板上的状态转移
# ---------------------------------------------------------------------------
def _transition_frame(panel, *, loan_id, month, state_codes, weight, name, from_month=None):
    """返回 (from_state, to_state, w, t) 数组；to_state = -2 表示下月不在表中（结清/转出），-1 表示没有下月。"""
    t = month_index(panel, month, frame=name)
    key_columns(panel, loan_id, param="loan_id", frame=name)
    lid, _ = pd.factorize(panel[loan_id])
    order = np.lexsort((t, lid))
    lid, t, s, w = lid[order], t[order], state_codes[order], weight[order]
    if len(lid) > 1 and ((lid[1:] == lid[:-1]) & (t[1:] == t[:-1])).any():
        raise RuralfinValueError(f"{name} 中同一笔贷款（{loan_id}）在同一月份（{month}）出现了多行")
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


def _resolve_from_month(panel, month, from_month):
    """``from_month`` -> 与 ``_validation.month_index`` 同一刻度的整数月序。"""
    if from_month is None:
        return None
    if pd.api.types.is_integer_dtype(panel[month].dtype):
        return check_int(from_month, "from_month")
    return as_of_index(from_month, param="from_month")


def _weights(panel, weight, balance, name):
    check_choice(weight, ["count", "balance"], "weight")
    if weight == "balance":
        return numeric_column(panel, balance, frame=name, min_value=0)
    return np.ones(len(panel))


def migration_matrix(
    panel: pd.DataFrame,
    *,
    loan_id: str = "loan_id",
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
    loan_id, month, grade, balance : str
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
        行、列的中文名见 :data:`~ruralfin.risk.classification.GRADE_NAMES`。

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
    check_frame(panel, [loan_id, month, grade] + ([balance] if weight == "balance" else []), name=name)
    codes = grade_codes(panel, grade, frame=name).astype("int64")
    return _state_matrix(panel, codes, GRADES, ("risk_grade", "next_grade"), loan_id=loan_id, month=month,
                         weight=weight, balance=balance, normalize=normalize, from_month=from_month)


def roll_rate_matrix(
    panel: pd.DataFrame,
    *,
    loan_id: str = "loan_id",
    month: str = "month",
    days_past_due: str = "days_past_due",
    balance: str = "balance",
    weight: str = "count",
    normalize: bool = True,
    from_month: Any = None,
) -> pd.DataFrame:
    """逾期账龄桶之间的月度滚动率矩阵（roll rate）。

    本月处于行桶的贷款（笔数或余额）中，下月落在各列桶的比例；``closed`` 为下月不在表中
    （结清、核销、转出）。对角线右侧一格就是常说的“滚动率”（如 M1→M2）。

    Parameters
    ----------
    panel : DataFrame
        月度面板，一行一笔贷款一个月，不会被修改。
    loan_id, month, days_past_due, balance : str
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
    check_frame(panel, [loan_id, month, days_past_due] + ([balance] if weight == "balance" else []),
                name=name, numeric=[days_past_due])
    codes = dpd_bucket(panel[days_past_due]).cat.codes.to_numpy().astype("int64")
    return _state_matrix(panel, codes, DPD_BUCKETS, ("dpd_bucket", "next_bucket"), loan_id=loan_id, month=month,
                         weight=weight, balance=balance, normalize=normalize, from_month=from_month)


def _state_matrix(panel, codes, states, names, *, loan_id, month, weight, balance, normalize, from_month):
    """五级分类迁移与逾期滚动共用：按状态编码算下月转移矩阵，行列命名为 ``names``。"""
    w = _weights(panel, weight, balance, "panel")
    fm = _resolve_from_month(panel, month, from_month)
    frm, to, ww, _ = _transition_frame(panel, loan_id=loan_id, month=month, state_codes=codes, weight=w,
                                       name="panel", from_month=fm)
    keep = to != -1
    m = _matrix(frm[keep], to[keep], ww[keep], states, normalize)
    m.index.name, m.columns.name = names
    return m


def roll_forward_rates(
    panel: pd.DataFrame,
    *,
    loan_id: str = "loan_id",
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
    loan_id, month, days_past_due, balance : str
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
    check_frame(panel, [loan_id, month, days_past_due] + ([balance] if weight == "balance" else []),
                name=name, numeric=[days_past_due])
    codes = dpd_bucket(panel[days_past_due]).cat.codes.to_numpy().astype("int64")
    w = _weights(panel, weight, balance, name)
    frm, to, ww, t = _transition_frame(panel, loan_id=loan_id, month=month, state_codes=codes, weight=w,
                                       name=name)
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
# 图
# ---------------------------------------------------------------------------
def _plot_matrix(matrix, ax, names, title, fmt):
    from ..plotting import get_ax

    if not isinstance(matrix, pd.DataFrame):
        raise RuralfinTypeError(f"matrix 应为 DataFrame，实际是 {type(matrix).__name__}")
    check_frame(matrix, name="matrix", numeric=list(matrix.columns))
    vals = matrix.to_numpy(dtype=float, na_value=np.nan)
    if np.isinf(vals).any():
        raise RuralfinValueError(f"matrix 有 {int(np.isinf(vals).sum())} 个无穷大的值；应为迁移矩阵或滚动率矩阵（比例，缺失留空）")
    if not isinstance(fmt, str):
        raise RuralfinTypeError(f"参数 fmt 应为格式字符串（如 '.1%'），实际是 {type(fmt).__name__}：{fmt!r}")
    try:
        format(0.5, fmt)
    except ValueError:
        raise RuralfinValueError(f"参数 fmt={fmt!r} 不是数字的格式写法；可用 '.1%'（百分数）、'.2f'（两位小数）等") from None
    ax = get_ax(ax, figsize=(7, 5))
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
    names = {b: b for b in DPD_BUCKETS} | {EXIT: labels.value_label("next_bucket", EXIT)}
    ax = _plot_matrix(matrix, ax, names, title or labels.text("migration.roll_title"), fmt)
    ax.set_xlabel(labels.text("migration.roll_xlabel"))
    ax.set_ylabel(labels.text("migration.roll_ylabel"))
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
    names = dict(labels.get("next_grade").values)  # 五级分类名 + 结清/转出
    ax = _plot_matrix(matrix, ax, names, title or labels.text("migration.grade_title"), fmt)
    ax.set_xlabel(labels.text("migration.grade_xlabel"))
    ax.set_ylabel(labels.text("migration.grade_ylabel"))
    return ax
