"""分箱与评分卡的图：各箱 WoE、各箱坏样本率、KS 曲线、gains（累计捕获）曲线。

遵循 seaborn 的约定：第一个参数是数据（DataFrame），其余为关键字参数，
``ax=None`` 传入、返回 Axes，不调用 ``plt.show()``；轴标题取自 :mod:`ruralfin.labels`。
中文显示前请先 ``rf.set_theme()``。
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_frame, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = ["plot_bins", "plot_woe", "plot_bad_rate", "plot_ks", "plot_gains"]


def _select_feature(table: pd.DataFrame, feature: str | None) -> pd.DataFrame:
    check_frame(table, ["bin", "woe", "bad_rate", "n_obs"], name="分箱表")
    if "feature" in table.columns:
        names = list(pd.unique(table["feature"]))
        if feature is None:
            if len(names) != 1:
                raise RuralfinValueError(f"分箱表含多个特征（{fmt_list(names)}），请用 feature= 指定画哪一个")
            feature = names[0]
        elif feature not in names:
            raise RuralfinValueError(f"分箱表里没有特征 {feature!r}；有：{fmt_list(names)}")
        table = table[table["feature"] == feature]
    return table


def plot_bins(table: pd.DataFrame, *, kind: str = "woe", feature: str | None = None, ax: Any = None,
              title: str | None = None) -> Any:
    """画一个特征各箱的 WoE（``kind="woe"``）或坏样本率（``kind="bad_rate"``）柱状图。

    没有样本的箱（如训练中没有缺失值时的缺失箱、“未见过的类别”箱）不画。
    坏样本率图上的虚线是全体坏样本率。

    Parameters
    ----------
    table : DataFrame
        ``WoEBinner.binning_table(feature)`` 的结果（或全部特征的分箱表配合 ``feature``）。
    kind : {"woe", "bad_rate"}, default "woe"
    feature : str, optional
        分箱表含多个特征时指定画哪一个；也用于标题（取登记处的中文名，未登记时用列名）。
    ax : matplotlib Axes, optional
    title : str, optional
        图标题；默认“<特征> 各箱的 WoE/坏样本率”。

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from ruralfin.risk.binning import WoEBinner
    >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
    >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
    >>> ax = plot_bins(b.binning_table("x"), kind="bad_rate", feature="x")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['[-inf, 5)', '[5, inf)']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..labels import label, value_label
    from ..plotting import annotate_bars, get_ax, label_axes

    kind = check_choice(kind, ["woe", "bad_rate"], "kind")
    t = _select_feature(table, feature)
    t = t[t["n_obs"] > 0]
    if len(t) == 0:
        raise RuralfinValueError("分箱表里没有样本数大于 0 的箱，无图可画")
    ax = get_ax(ax)
    names = [value_label("bin", b) for b in t["bin"]]
    values = t[kind].to_numpy(dtype=float)
    if kind == "woe":  # 红色 = 比平均更危险
        colors = np.where(values > 0, "#c0504d", "#4f81bd")
    else:
        colors = np.full(len(values), "#4f81bd")
    ax.bar(range(len(values)), values, color=colors)
    ax.set_xticks(range(len(values)), names, rotation=30 if max(len(n) for n in names) > 8 else 0)
    annotate_bars(ax, fmt="{:.2f}" if kind == "woe" else "{:.1%}")
    if kind == "woe":
        ax.axhline(0, color="black", linewidth=0.8)
    else:
        overall = float((t["bad_rate"] * t["n_obs"]).sum() / t["n_obs"].sum())
        ax.axhline(overall, color="gray", linestyle="--", linewidth=1)
    what = label(kind, unit=False)
    # 标题用登记处的中文名（未登记的特征退回列名），不把列代码直接给学员看
    default = f"{label(feature, unit=False)} 各箱的{what}" if feature else f"各箱的{what}"
    label_axes(ax, x="bin", y=kind, title=default if title is None else title)
    return ax


def plot_woe(table: pd.DataFrame, *, feature: str | None = None, ax: Any = None, title: str | None = None) -> Any:
    """各箱 WoE 柱状图（红色 = WoE > 0，比平均更危险）。同 ``plot_bins(kind="woe")``。

    Examples
    --------
    >>> import pandas as pd
    >>> from ruralfin.risk.binning import WoEBinner
    >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
    >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
    >>> ax = plot_woe(b.binning_table("x"), feature="x")
    >>> ax.get_ylabel()
    'WoE'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return plot_bins(table, kind="woe", feature=feature, ax=ax, title=title)


def plot_bad_rate(table: pd.DataFrame, *, feature: str | None = None, ax: Any = None,
                  title: str | None = None) -> Any:
    """各箱坏样本率柱状图，虚线为全体坏样本率。同 ``plot_bins(kind="bad_rate")``。

    Examples
    --------
    >>> import pandas as pd
    >>> from ruralfin.risk.binning import WoEBinner
    >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
    >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
    >>> ax = plot_bad_rate(b.binning_table("x"))
    >>> ax.get_ylabel()
    '坏样本率'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return plot_bins(table, kind="bad_rate", feature=feature, ax=ax, title=title)


def _column(data: pd.DataFrame | None, value: Any, name: str) -> np.ndarray:
    if data is None:
        if isinstance(value, str):
            raise RuralfinValueError(f"没有给 data，{name} 应为数据本身而不是列名 {value!r}")
        return np.asarray(value)
    if isinstance(value, str):
        check_frame(data, [value], name="data")
        return data[value].to_numpy()
    return np.asarray(value)


def plot_ks(data: pd.DataFrame | None = None, *, target: Any = "is_default", score: Any = "prob_default",
            higher_is_safer: bool = False, ax: Any = None, title: str | None = None) -> Any:
    """KS 曲线：从最危险的客户开始，坏样本与好样本的累计占比，两线最大距离即 KS。

    Parameters
    ----------
    data : DataFrame, optional
        含目标列与分数列的表；不给时 ``target``、``score`` 直接传数据。
    target : str or array-like, default "is_default"
        0/1 目标（1 = 坏）列名或数据。
    score : str or array-like, default "prob_default"
        分数列名或数据；默认是风险分（越大越危险）。
    higher_is_safer : bool, default False
        评分卡分数（越高越安全）时设为 True。
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"is_default": [1, 1, 0, 1, 0, 0], "points": [520, 540, 560, 580, 600, 620]})
    >>> ax = plot_ks(df, target="is_default", score="points", higher_is_safer=True)
    >>> ax.get_title()
    'KS 曲线（KS = 0.667）'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from sklearn.metrics import roc_curve

    from ..labels import label
    from ..plotting import get_ax, label_axes
    from .metrics import _check_pair, _need_both_classes

    y, s = _check_pair(_column(data, target, "target"), _column(data, score, "score"))
    _need_both_classes(y, "KS 曲线")
    risk = -s if higher_is_safer else s
    fpr, tpr, _ = roc_curve(y, risk)
    n_bad, n = y.sum(), len(y)
    share = (tpr * n_bad + fpr * (n - n_bad)) / n
    gap = np.abs(tpr - fpr)
    k = int(np.argmax(gap))
    ax = get_ax(ax)
    ax.plot(share, tpr, label=label("cum_bad_share", unit=False), color="#c0504d")
    ax.plot(share, fpr, label=label("cum_good_share", unit=False), color="#4f81bd")
    ax.vlines(share[k], fpr[k], tpr[k], colors="black", linestyles="--")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.legend()
    label_axes(ax, x="cum_obs_share",
               title=f"KS 曲线（KS = {gap[k]:.3f}）" if title is None else title)
    ax.set_ylabel("累计占比")
    return ax


def plot_gains(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """gains 曲线（累计捕获率）：审批时拒绝最危险的前 x% 客户，能挡住多少比例的坏客户。

    Parameters
    ----------
    table : DataFrame
        :func:`ruralfin.risk.metrics.gains_table` 的结果。

    Examples
    --------
    >>> from ruralfin.risk.metrics import gains_table
    >>> t = gains_table([1, 1, 0, 1, 0, 0, 0, 0], [9, 8, 7, 6, 5, 4, 3, 2], n_bands=4)
    >>> ax = plot_gains(t)
    >>> ax.get_xlabel()
    '累计样本占比'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..plotting import get_ax, label_axes

    if not isinstance(table, pd.DataFrame):
        raise RuralfinTypeError(f"plot_gains 需要 gains_table 的结果（DataFrame），实际是 {type(table).__name__}")
    check_frame(table, ["cum_obs_share", "cum_bad_share"], name="gains 表")
    ax = get_ax(ax)
    x = np.concatenate([[0.0], table["cum_obs_share"].to_numpy(dtype=float)])
    y = np.concatenate([[0.0], table["cum_bad_share"].to_numpy(dtype=float)])
    ax.plot(x, y, marker="o", color="#c0504d", label="模型")
    ax.plot([0, 1], [0, 1], linestyle="--", color="gray", label="随机")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend()
    label_axes(ax, x="cum_obs_share", y="cum_bad_share", title="gains 曲线（累计捕获率）" if title is None else title)
    return ax
