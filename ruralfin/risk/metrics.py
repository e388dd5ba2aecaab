"""评分模型的区分度与稳定性指标：KS、AUC、Gini、gains 表、PSI，以及 KS 曲线、gains 曲线两张图。

特征稳定性指数 CSI 按评分卡的分箱比较，放在分箱模块：:func:`ruralfin.risk.binning.csi`。

约定（信用评分的通行做法；IV、PSI 的经验阈值取自 R 包 scorecard 的 ``iv``、``perf_psi`` 文档，
PSI 阈值另见阿里云 PAI 文档）：

- 目标变量 ``y_true`` 只含 0 和 1，**1 = 坏（违约）**，0 = 好。
- ``y_score`` 默认是“风险分”：越大越可能违约（如违约概率 ``prob_default``）。
  传入评分卡分数（越高越安全）时设 ``higher_is_safer=True``。
- KS = 坏、好两组样本分数累计分布之差的最大值；AUC 用 scikit-learn 的
  ``roc_auc_score`` 计算；Gini = 2·AUC − 1。
- IV 经验阈值（左闭右开，最后一档为大于）：< 0.02 无用；0.02–0.1 弱；
  0.1–0.3 中；0.3–0.5 强；> 0.5 可疑（疑似信息泄露或过拟合）。
- PSI = Σ(实际占比 − 预期占比) × ln(实际占比 / 预期占比)：< 0.1 稳定；
  0.1–0.25 需关注；> 0.25 显著漂移。PSI 的公式本身就是教学要点，所以这里
  直接手写；AUC、ROC 曲线则交给 scikit-learn。
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_binary_target, check_bool, check_frame, check_int, check_number, score_vector
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = [
    "IV_THRESHOLDS",
    "PSI_THRESHOLDS",
    "iv_strength",
    "psi_stability",
    "ks_statistic",
    "auc",
    "gini",
    "gains_table",
    "psi",
    "psi_table",
    "plot_ks",
    "plot_gains",
]

#: IV 经验阈值：无用 / 弱 / 中 / 强 / 可疑 的分界。
IV_THRESHOLDS = (0.02, 0.1, 0.3, 0.5)
#: PSI 经验阈值：稳定 / 需关注 / 显著漂移 的分界。
PSI_THRESHOLDS = (0.1, 0.25)

_IV_CODES = ("useless", "weak", "medium", "strong", "suspicious")
_PSI_CODES = ("stable", "moderate", "shift")


def iv_strength(iv: Any) -> Any:
    """按经验阈值给 IV 定档，返回英文编码（中文名见标签登记处 ``iv_strength``）。

    档位：``iv < 0.02`` 为 ``useless``（无用），``0.02 ≤ iv < 0.1`` 为 ``weak``（弱），
    ``0.1 ≤ iv < 0.3`` 为 ``medium``（中），``0.3 ≤ iv ≤ 0.5`` 为 ``strong``（强），
    ``iv > 0.5`` 为 ``suspicious``（可疑：往往是把结果信息混进了特征）。

    Parameters
    ----------
    iv : float or array-like
        一个或一组 IV 值；须是有限的数（缺失、无穷大报错，不会被定成某一档）。

    Returns
    -------
    str or numpy.ndarray
        标量输入返回字符串，数组输入返回同长的字符串数组。

    Examples
    --------
    >>> iv_strength(0.15)
    'medium'
    >>> list(iv_strength([0.01, 0.02, 0.5, 0.51]))
    ['useless', 'weak', 'strong', 'suspicious']
    """
    values = _finite_values(iv, "iv")
    lo = np.searchsorted(np.array(IV_THRESHOLDS[:3]), values, side="right")
    codes = np.where(values > IV_THRESHOLDS[3], 4, lo)
    if codes.ndim == 0:
        return _IV_CODES[int(codes)]
    return np.asarray(_IV_CODES, dtype=object)[codes]


def psi_stability(value: Any) -> Any:
    """按经验阈值解读 PSI/CSI，返回英文编码（中文名见标签 ``psi_stability``）。

    ``< 0.1`` 为 ``stable``（稳定），``0.1–0.25`` 为 ``moderate``（需关注），
    ``> 0.25`` 为 ``shift``（显著漂移）。``value`` 须是不小于 0 的有限数（PSI 不会是负数；
    缺失、无穷大、负数都报错，不会被解读成某一档）。

    Examples
    --------
    >>> psi_stability(0.05)
    'stable'
    >>> list(psi_stability([0.1, 0.25, 0.3]))
    ['moderate', 'moderate', 'shift']
    """
    values = _finite_values(value, "value", min_value=0)
    codes = np.where(values < PSI_THRESHOLDS[0], 0, np.where(values <= PSI_THRESHOLDS[1], 1, 2))
    if codes.ndim == 0:
        return _PSI_CODES[int(codes)]
    return np.asarray(_PSI_CODES, dtype=object)[codes]


# ---------------------------------------------------------------------------
# 输入检查
# ---------------------------------------------------------------------------


def _finite_values(value: Any, name: str, *, min_value: float | None = None) -> np.ndarray:
    """一个数或一组数 -> float 数组（0 维或 1 维）：不许缺失、无穷大，可限定下限。"""
    if np.ndim(value) == 0 and not isinstance(value, (pd.Series, pd.DataFrame)):
        if isinstance(value, np.ndarray):
            value = value.item()
        return np.asarray(check_number(value, name, min_value=min_value))
    arr = score_vector(value, name=name)
    if min_value is not None and (arr < min_value).any():
        bad = arr[arr < min_value]
        raise RuralfinValueError(f"{name} 有 {bad.size} 个值小于 {min_value:g}（如 {bad[0]:g}），应不小于 {min_value:g}")
    return arr


def _as_1d(values: Any, name: str) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        if values.shape[1] != 1:
            raise RuralfinValueError(f"{name} 应为一列数据，实际是 {values.shape[1]} 列的表")
        values = values.iloc[:, 0]
    if isinstance(values, (str, bytes, dict)):
        raise RuralfinTypeError(f"{name} 应为一列数据（Series、数组或列表），实际是 {type(values).__name__}")
    arr = np.asarray(values)
    if arr.ndim == 0:
        raise RuralfinTypeError(f"{name} 应为一列数据（Series、数组或列表），实际是 {type(values).__name__}")
    if arr.ndim != 1:
        raise RuralfinValueError(f"{name} 应为一维数据，实际形状是 {arr.shape}")
    return arr


def _target_and_score(y_true: Any, y_score: Any, *, target: str = "y_true", score: str = "y_score"):
    """0/1 目标（两类都要有）与等长的分数：交给输入层检查，返回 (float 目标, float 分数)。"""
    from ..labels import text

    s = score_vector(y_score, name=score)
    y = check_binary_target(y_true, None, name=target, meaning=text("metrics.target_meaning"))
    if len(y) != len(s):
        raise RuralfinValueError(f"{target} 的长度 {len(y)} 与 {score} 的长度 {len(s)} 不一致")
    return y.astype(float), s


# ---------------------------------------------------------------------------
# 区分度
# ---------------------------------------------------------------------------


def ks_statistic(y_true: Any, y_score: Any) -> float:
    """KS 统计量：坏样本与好样本分数累计分布之差的最大值（0–1）。

    KS 与分数方向无关（风险分与评分卡分数得到同一个值）。借助
    ``sklearn.metrics.roc_curve``：在每个阈值上，真正率即坏样本的累计占比，
    假正率即好样本的累计占比，KS = max|TPR − FPR|。

    Parameters
    ----------
    y_true : array-like
        0/1 目标，1 = 坏（违约）。
    y_score : array-like
        分数或违约概率。

    Returns
    -------
    float

    Examples
    --------
    >>> ks_statistic([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.5
    >>> ks_statistic([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.8])  # 完全分开
    1.0
    """
    from sklearn.metrics import roc_curve

    y, score = _target_and_score(y_true, y_score)
    fpr, tpr, _ = roc_curve(y, score)
    return float(np.max(np.abs(tpr - fpr)))


def auc(y_true: Any, y_score: Any, *, higher_is_safer: bool = False) -> float:
    """ROC 曲线下面积（AUC），即 ``sklearn.metrics.roc_auc_score``。

    Parameters
    ----------
    y_true : array-like
        0/1 目标，1 = 坏（违约）。
    y_score : array-like
        默认是风险分（越大越可能违约，如违约概率）。
    higher_is_safer : bool, default False
        传入评分卡分数（越高越安全）时设为 True，函数会把分数取负再算。

    Returns
    -------
    float
        0.5 表示没有区分能力，1 表示完全区分。

    Examples
    --------
    >>> auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> auc([0, 0, 1, 1], [700, 620, 640, 560], higher_is_safer=True)
    0.75
    """
    from sklearn.metrics import roc_auc_score

    higher_is_safer = check_bool(higher_is_safer, "higher_is_safer")
    y, score = _target_and_score(y_true, y_score)
    return float(roc_auc_score(y, -score if higher_is_safer else score))


def gini(y_true: Any, y_score: Any, *, higher_is_safer: bool = False) -> float:
    """Gini 系数 = 2·AUC − 1（0 表示没有区分能力，1 表示完全区分）。

    Examples
    --------
    >>> gini([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.5
    """
    return 2.0 * auc(y_true, y_score, higher_is_safer=higher_is_safer) - 1.0


def _quantile_edges(values: np.ndarray, n_bins: int) -> np.ndarray:
    """等频分段的内部切点（去重），区间左闭右开。"""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.array([], dtype=float)
    q = np.quantile(finite, np.linspace(0, 1, n_bins + 1)[1:-1], method="higher")
    edges = np.unique(q)
    return edges[edges > finite.min()]


def gains_table(y_true: Any, y_score: Any, *, n_bands: int = 10, higher_is_safer: bool = False) -> pd.DataFrame:
    """Gains / lift 表：按分数等频分成若干档，从最危险的一档排到最安全的一档。

    每档的坏样本率、累计捕获的坏样本占比（cumulative capture）、提升度（lift =
    该档坏样本率 ÷ 全体坏样本率）和该档为止的 KS。分数有大量相同值时，档数可能
    少于 ``n_bands``（相同分数不会被拆到两档）。

    Parameters
    ----------
    y_true : array-like
        0/1 目标，1 = 坏（违约）。
    y_score : array-like
        风险分（越大越危险）；评分卡分数请设 ``higher_is_safer=True``。
    n_bands : int, default 10
        分档数（默认十等分，1 到 100000）。
    higher_is_safer : bool, default False
        分数越高越安全时设为 True。

    Returns
    -------
    DataFrame
        列：``band``（1 = 最危险）、``score_min``、``score_max``、``n_obs``、``n_bad``、
        ``n_good``、``bad_rate``、``obs_share``、``cum_obs_share``、``cum_bad_share``、
        ``cum_good_share``、``lift``、``cum_lift``、``ks``。没有合计行。

    Examples
    --------
    >>> t = gains_table([1, 1, 0, 1, 0, 0, 0, 0], [9, 8, 7, 6, 5, 4, 3, 2], n_bands=4)
    >>> t[["band", "n_obs", "n_bad", "bad_rate", "cum_bad_share", "lift", "ks"]]
       band  n_obs  n_bad  bad_rate  cum_bad_share      lift    ks
    0     1      2      2       1.0       0.666667  2.666667  0.666667
    1     2      2      1       0.5       1.000000  1.333333  0.800000
    2     3      2      0       0.0       1.000000  0.000000  0.400000
    3     4      2      0       0.0       1.000000  0.000000  0.000000
    """
    higher_is_safer = check_bool(higher_is_safer, "higher_is_safer")
    y, score = _target_and_score(y_true, y_score)
    n_bands = check_int(n_bands, "n_bands", min_value=1, max_value=100_000)
    risk = -score if higher_is_safer else score
    # 最危险的一档排第 1：对“风险分”从大到小分档
    edges = _quantile_edges(-risk, n_bands)
    band = np.searchsorted(edges, -risk, side="right")
    nb = len(edges) + 1
    n_obs = np.bincount(band, minlength=nb)
    n_bad = np.rint(np.bincount(band, weights=y, minlength=nb)).astype(int)
    keep = n_obs > 0
    n_obs, n_bad = n_obs[keep], n_bad[keep]
    by_band = pd.Series(score).groupby(band, sort=True)  # 只含有样本的档，顺序同 keep
    lo = by_band.min().to_numpy(dtype=float)
    hi = by_band.max().to_numpy(dtype=float)
    n_good = n_obs - n_bad
    total_bad, total_good, total = n_bad.sum(), n_good.sum(), n_obs.sum()
    overall = total_bad / total
    cum_bad = np.cumsum(n_bad) / total_bad
    cum_good = np.cumsum(n_good) / total_good
    cum_obs = np.cumsum(n_obs) / total
    bad_rate = n_bad / n_obs
    return pd.DataFrame(
        {
            "band": np.arange(1, len(n_obs) + 1),
            "score_min": lo,
            "score_max": hi,
            "n_obs": n_obs,
            "n_bad": n_bad,
            "n_good": n_good,
            "bad_rate": bad_rate,
            "obs_share": n_obs / total,
            "cum_obs_share": cum_obs,
            "cum_bad_share": cum_bad,
            "cum_good_share": cum_good,
            "lift": bad_rate / overall,
            "cum_lift": (np.cumsum(n_bad) / np.cumsum(n_obs)) / overall,
            "ks": np.abs(cum_bad - cum_good),
        }
    )


# ---------------------------------------------------------------------------
# 稳定性
# ---------------------------------------------------------------------------


def _is_categorical(arr: np.ndarray) -> bool:
    return arr.dtype.kind not in "biuf"


def _distribution(expected: Any, actual: Any, bins: Any, name: str = "") -> pd.DataFrame:
    exp = _as_1d(expected, f"expected{name}")
    act = _as_1d(actual, f"actual{name}")
    if len(exp) == 0 or len(act) == 0:
        raise RuralfinValueError(f"expected{name} 与 actual{name} 都不能是空的")
    if _is_categorical(exp) or _is_categorical(act):
        e = pd.Series(exp, dtype=object)
        a = pd.Series(act, dtype=object)
        labels = list(pd.unique(pd.concat([e.dropna(), a.dropna()])))
        e_idx = pd.Categorical(e, categories=labels).codes
        a_idx = pd.Categorical(a, categories=labels).codes
        names = [str(v) for v in labels]
    else:
        e_f, a_f = exp.astype(float), act.astype(float)
        if isinstance(bins, (int, np.integer)) and not isinstance(bins, bool):
            n_bins = check_int(bins, "bins", min_value=1, max_value=1000)
            edges = _quantile_edges(e_f, n_bins)
        else:
            edges = np.unique(_cut_points(bins))
        e_idx = np.searchsorted(edges, e_f, side="right")
        a_idx = np.searchsorted(edges, a_f, side="right")
        e_idx[np.isnan(e_f)] = -1
        a_idx[np.isnan(a_f)] = -1
        bounds = [-np.inf, *edges, np.inf]
        names = [f"[{_fmt(bounds[i])}, {_fmt(bounds[i + 1])})" for i in range(len(edges) + 1)]
    k = len(names)
    e_n = np.bincount(np.where(e_idx < 0, k, e_idx), minlength=k + 1)
    a_n = np.bincount(np.where(a_idx < 0, k, a_idx), minlength=k + 1)
    names = [*names, "missing"]
    if e_n[k] == 0 and a_n[k] == 0:  # 两边都没有缺失值：不列“缺失”一行
        e_n, a_n, names = e_n[:k], a_n[:k], names[:k]
    return pd.DataFrame({"bin": names, "expected_n": e_n, "actual_n": a_n})


def _cut_points(bins: Any) -> np.ndarray:
    """``bins`` 给的是切点列表：一维、都是有限的数。"""
    if isinstance(bins, (str, bytes, dict)) or np.ndim(bins) != 1:
        raise RuralfinTypeError(f"参数 bins 应为段数（1 到 1000 的整数）或切点列表（如 [2.5, 5]），实际是 {bins!r}")
    return score_vector(bins, name="bins")


def _fmt(v: float) -> str:
    if np.isinf(v):
        return "-inf" if v < 0 else "inf"
    return f"{v:.6g}"


def psi_table(expected: Any, actual: Any, *, bins: Any = 10) -> pd.DataFrame:
    """PSI 明细表：每一段的预期占比、实际占比与对 PSI 的贡献。

    数值数据按 ``expected``（开发样本）的等频分位点切成 ``bins`` 段（左闭右开，
    首末两段延伸到 ±∞，所以实际样本里超出范围的值落在首末段）；也可以直接给
    切点列表。文字/类别数据按类别分段。缺失值单列一段。两边都是 0 个的段不列出；
    某一段只在一边为 0 个时，两边每段计数都加 0.5 再算占比，避免 ln(0)。

    Parameters
    ----------
    expected : array-like
        基准分布（通常是开发样本的分数或变量）。
    actual : array-like
        要比较的分布（通常是近期申请客户）。
    bins : int or sequence of float, default 10
        等频段数（1 到 1000），或切点（有限的数）。

    Returns
    -------
    DataFrame
        列：``bin``、``expected_n``、``actual_n``、``expected_share``、``actual_share``、
        ``psi``（该段的贡献）。各段 ``psi`` 之和即 :func:`psi`。

    Examples
    --------
    >>> psi_table([1, 2, 3, 4], [1, 1, 3, 4], bins=2)  # 等频两段：切点取开发样本的中位数 3
             bin  expected_n  actual_n  expected_share  actual_share  psi
    0  [-inf, 3)           2         2             0.5           0.5  0.0
    1   [3, inf)           2         2             0.5           0.5  0.0
    >>> psi_table([1, 2, 3, 4], [1, 1, 3, 4], bins=[2.5])["bin"].tolist()  # 直接给切点
    ['[-inf, 2.5)', '[2.5, inf)']
    """
    t = _distribution(expected, actual, bins)
    t = t[(t["expected_n"] + t["actual_n"]) > 0].reset_index(drop=True)  # 两边都空的段不提供信息
    e_n = t["expected_n"].to_numpy(dtype=float)
    a_n = t["actual_n"].to_numpy(dtype=float)
    if (e_n == 0).any() or (a_n == 0).any():
        e_n, a_n = e_n + 0.5, a_n + 0.5
    e_s, a_s = e_n / e_n.sum(), a_n / a_n.sum()
    # 公式本身就是教学要点：PSI_i = (实际占比 − 预期占比) × ln(实际占比 / 预期占比)
    contrib = (a_s - e_s) * np.log(a_s / e_s)
    return t.assign(expected_share=e_s, actual_share=a_s, psi=contrib)


def psi(expected: Any, actual: Any, *, bins: Any = 10) -> float:
    """群体稳定性指数 PSI = Σ(实际占比 − 预期占比) × ln(实际占比 / 预期占比)。

    分段规则见 :func:`psi_table`。解读：< 0.1 稳定；0.1–0.25 需关注；
    > 0.25 显著漂移（见 :func:`psi_stability`）。

    Examples
    --------
    >>> round(psi([1, 2, 3, 4], [1, 1, 1, 4], bins=2), 4)
    0.2747
    >>> round(psi([1, 2, 3, 4], [1, 1, 1, 4], bins=[2.5]), 4)
    0.2747
    >>> psi_stability(0.2747)
    'shift'
    """
    return float(psi_table(expected, actual, bins=bins)["psi"].sum())


# ---------------------------------------------------------------------------
# 图：KS 曲线与 gains 曲线
# ---------------------------------------------------------------------------


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
        图标题；默认“KS 曲线（KS = …）”。

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

    from ..labels import label, text
    from ..plotting import get_ax, label_axes

    higher_is_safer = check_bool(higher_is_safer, "higher_is_safer")
    if data is not None:
        check_frame(data, [c for c in (target, score) if isinstance(c, str)], name="data")
        target = data[target] if isinstance(target, str) else target
        score = data[score] if isinstance(score, str) else score
    elif isinstance(target, str) or isinstance(score, str):
        raise RuralfinValueError(f"没有给 data，target 与 score 应为数据本身，而不是列名（target={target!r}，score={score!r}）")
    y, s = _target_and_score(target, score, target="target", score="score")
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
    label_axes(ax, x="cum_obs_share", title=text("metrics.ks_title", ks=gap[k]) if title is None else title)
    ax.set_ylabel(text("metrics.ks_ylabel"))
    return ax


def plot_gains(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """gains 曲线（累计捕获率）：审批时拒绝最危险的前 x% 客户，能挡住多少比例的坏客户。

    Parameters
    ----------
    table : DataFrame
        :func:`gains_table` 的结果。
    ax : matplotlib Axes, optional
    title : str, optional
        图标题；默认“gains 曲线（累计捕获率）”。

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> t = gains_table([1, 1, 0, 1, 0, 0, 0, 0], [9, 8, 7, 6, 5, 4, 3, 2], n_bands=4)
    >>> ax = plot_gains(t)
    >>> ax.get_xlabel()
    '累计样本占比'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..labels import text
    from ..plotting import get_ax, label_axes

    if not isinstance(table, pd.DataFrame):
        raise RuralfinTypeError(f"plot_gains 需要 gains_table 的结果（DataFrame），实际是 {type(table).__name__}")
    check_frame(table, ["cum_obs_share", "cum_bad_share"], name="table")
    ax = get_ax(ax)
    x = np.concatenate([[0.0], table["cum_obs_share"].to_numpy(dtype=float)])
    y = np.concatenate([[0.0], table["cum_bad_share"].to_numpy(dtype=float)])
    ax.plot(x, y, marker="o", color="#c0504d", label=text("metrics.gains_model"))
    ax.plot([0, 1], [0, 1], linestyle="--", color="gray", label=text("metrics.gains_random"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend()
    label_axes(ax, x="cum_obs_share", y="cum_bad_share", title=text("metrics.gains_title") if title is None else title)
    return ax
