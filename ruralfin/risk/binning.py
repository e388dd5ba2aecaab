"""WoE 分箱：把数值和类别特征切成少数几个箱，每箱换成证据权重（WoE）；按分箱看特征稳定性（CSI）与画图。

约定（与 R 包 scorecard 的 ``iv`` 文档一致；WoE 的正负方向各库不一）：

- 目标变量 ``y`` 只含 0 和 1，**1 = 坏（违约）**。
- **WoE_i = ln(坏占比_i / 好占比_i)**，其中坏占比_i = 该箱坏样本数 ÷ 全部坏样本数，
  好占比同理。所以 **WoE 越大越危险**；评分卡里每箱得分 = −因子 × 系数 × WoE，
  分数越高风险越低。
- **IV = Σ(坏占比_i − 好占比_i) × WoE_i**，经验阈值见
  :func:`ruralfin.risk.metrics.iv_strength`。

算法（全部是 numpy 向量运算，没有逐行的 Python 循环）：

1. 数值特征先按等频分位点预分箱（``n_prebins`` 段，``np.quantile`` +
   ``np.searchsorted`` + ``np.bincount``）；类别特征用类别编码 + ``np.bincount``
   计数，占比低于 ``rare_share`` 的稀有类别合并成一组（合起来仍不足
   ``rare_share`` 时再并入坏样本率最接近的相邻组），再按坏样本率排序。
2. 要求单调时，用“相邻违例合并”（pool adjacent violators）把坏样本率不单调的
   相邻箱合并，结果严格单调。
3. 在“每箱至少占 ``min_bin_share``、最多 ``max_bins`` 箱”的约束下，用动态规划
   从相邻箱的所有合并方式中选 IV 最大的一种（IV 对箱可加，所以是精确最优；
   严格单调的箱无论怎样合并相邻箱都仍然严格单调）。
4. 缺失值、特殊值（如 -999）各自单独成箱，不参与上面的合并。

文字列里混着“暂无”“N/A”“-”的数值特征（银行导出里常见）：只要（不算缺失和这类写法的）值里至少 95%
能读成数字，就仍按**数值**特征分箱，读不成数字的那些值按缺失处理（进缺失箱），并用中文警告说明有几个；
个数记在 ``text_as_missing_``。否则整列按类别处理。数字编码的类别（如文字形式的行业代码）请列入 ``categorical``。

转换时的规则：

- 数值超出训练范围：首末两箱延伸到 −∞/+∞，超出的值落在首末箱；±inf 同理。
- 训练中没出现过的类别：按 ``handle_unknown`` 处理，默认 ``"zero"`` 给 WoE = 0
  （相当于“没有信息”，按总体平均风险看待）；``"missing"`` 给缺失箱的 WoE；
  ``"error"`` 报错。
- 训练时没有样本的缺失箱、特殊值箱：WoE = 0。
- 某箱只有好样本或只有坏样本时，该箱的好、坏计数各加 0.5 再算 WoE（避免 ±∞）。
- 目标只有一个类别（全好或全坏）时无法区分好坏：所有 WoE = 0、IV = 0，并给出
  :class:`~ruralfin.errors.RuralfinWarning`。
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import TransformerMixin

from .._validation import (check_binary_target, check_choice, check_frame, check_instance, check_int, check_number, fmt_list,
                           mostly_numeric, numeric_column, score_vector)
from ..errors import NotFittedError, RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ..labels import text
from ._base import RuralfinEstimator
from .metrics import iv_strength, psi, psi_stability

# NotFittedError 定义在 ruralfin.errors，这里转出，``rf.risk.NotFittedError`` 是同一个类。
__all__ = ["WoEBinner", "NotFittedError", "woe_iv", "csi", "plot_bins", "plot_woe", "plot_bad_rate"]


# ---------------------------------------------------------------------------
# WoE / IV 的基本公式
# ---------------------------------------------------------------------------


def _woe(n_bad: np.ndarray, n_good: np.ndarray, total_bad: float, total_good: float) -> np.ndarray:
    """WoE = ln((坏_i/坏总) / (好_i/好总))；空箱 WoE = 0；单边为 0 的箱各加 0.5。"""
    n_bad = np.asarray(n_bad, dtype=float)
    n_good = np.asarray(n_good, dtype=float)
    out = np.zeros(n_bad.shape)
    if total_bad <= 0 or total_good <= 0:
        return out
    nonempty = (n_bad + n_good) > 0
    zero = nonempty & ((n_bad == 0) | (n_good == 0))
    b = np.where(zero, n_bad + 0.5, n_bad)
    g = np.where(zero, n_good + 0.5, n_good)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.log((b / total_bad) / (g / total_good))
    out[nonempty] = w[nonempty]
    return out


def _iv_terms(n_bad, n_good, total_bad, total_good) -> np.ndarray:
    n_bad = np.asarray(n_bad, dtype=float)
    n_good = np.asarray(n_good, dtype=float)
    if total_bad <= 0 or total_good <= 0:
        return np.zeros(n_bad.shape)
    return (n_bad / total_bad - n_good / total_good) * _woe(n_bad, n_good, total_bad, total_good)


def woe_iv(n_bad: Any, n_good: Any) -> pd.DataFrame:
    """由各箱的坏、好样本数算 WoE 与 IV 贡献（与 :class:`WoEBinner` 同一公式）。

    WoE_i = ln(坏占比_i / 好占比_i)，IV_i = (坏占比_i − 好占比_i) × WoE_i。
    用来手算核对，或给别处分好的箱算 WoE。

    Parameters
    ----------
    n_bad, n_good : array-like
        各箱的坏样本数、好样本数。

    Returns
    -------
    DataFrame
        列：``n_bad``、``n_good``、``bad_share``、``good_share``、``woe``、``iv``。

    Examples
    --------
    >>> t = woe_iv([10, 30], [90, 70])
    >>> t[["bad_share", "good_share", "woe", "iv"]].round(4)
       bad_share  good_share     woe      iv
    0       0.25      0.5625 -0.8109  0.2534
    1       0.75      0.4375  0.5390  0.1684
    >>> float(t["iv"].sum().round(4))
    0.4219
    """
    if np.ndim(n_bad) != 1 or np.ndim(n_good) != 1 or len(n_bad) != len(n_good):
        raise RuralfinValueError(f"n_bad 与 n_good 应为等长的一维数据，实际形状 {np.shape(n_bad)} 与 {np.shape(n_good)}")
    b = score_vector(n_bad, name="n_bad")
    g = score_vector(n_good, len(b), name="n_good")
    if (b < 0).any() or (g < 0).any():
        raise RuralfinValueError("n_bad 与 n_good 不能有负数")
    tb, tg = b.sum(), g.sum()
    return pd.DataFrame(
        {
            "n_bad": b,
            "n_good": g,
            "bad_share": b / tb if tb > 0 else np.zeros_like(b),
            "good_share": g / tg if tg > 0 else np.zeros_like(g),
            "woe": _woe(b, g, tb, tg),
            "iv": _iv_terms(b, g, tb, tg),
        }
    )


# ---------------------------------------------------------------------------
# 合并相邻箱（对箱的计数做，箱数很少，循环代价可以忽略）
# ---------------------------------------------------------------------------


def _pava(tot: list, bad: list, members: list, ascending: bool) -> None:
    """相邻违例合并：让坏样本率严格单调（就地修改三个列表）。"""
    st_tot: list = []
    st_bad: list = []
    st_mem: list = []
    for t, b, m in zip(tot, bad, members):
        st_tot.append(t)
        st_bad.append(b)
        st_mem.append(list(m))
        while len(st_tot) >= 2:
            # rate[-2] >= rate[-1]（升序时为违例），用交叉相乘避免除法
            left = st_bad[-2] * st_tot[-1]
            right = st_bad[-1] * st_tot[-2]
            violates = left >= right if ascending else left <= right
            if not violates:
                break
            t_last, b_last, m_last = st_tot.pop(), st_bad.pop(), st_mem.pop()
            st_tot[-1] += t_last
            st_bad[-1] += b_last
            st_mem[-1].extend(m_last)
    tot[:], bad[:], members[:] = st_tot, st_bad, st_mem


def _merge(tot: list, bad: list, members: list, i: int) -> None:
    """把第 i 箱与第 i+1 箱合并。"""
    tot[i] += tot.pop(i + 1)
    bad[i] += bad.pop(i + 1)
    members[i] = members[i] + members.pop(i + 1)


def _best_partition(tot: list, bad: list, members: list, min_count: float, max_bins: int,
                    total_bad: float, total_good: float) -> None:
    """把相邻的箱分成不超过 ``max_bins`` 段、每段样本数不少于 ``min_count``，使 IV 最大。

    IV 对箱可加，所以用动态规划求精确最优（箱数 K 很少，K×K 的矩阵运算）。
    输入的箱若已严格单调，任意相邻合并后仍严格单调。不可行时（样本太少）合成一箱。
    就地修改三个列表。
    """
    k = len(tot)
    if k <= 1:
        return
    ct = np.concatenate([[0.0], np.cumsum(np.asarray(tot, dtype=float))])
    cb = np.concatenate([[0.0], np.cumsum(np.asarray(bad, dtype=float))])
    n = ct[None, :] - ct[:, None]  # n[i, j] = 第 i..j-1 箱合起来的样本数
    b = cb[None, :] - cb[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        iv = _iv_terms(np.clip(b, 0, None), np.clip(n - b, 0, None), total_bad, total_good)
    valid = np.triu(np.ones((k + 1, k + 1), dtype=bool), 1) & (n >= min_count)
    seg = np.where(valid, iv, -np.inf)
    m_max = min(max_bins, k)
    best = np.full((m_max + 1, k + 1), -np.inf)
    best[0, 0] = 0.0
    arg = np.zeros((m_max + 1, k + 1), dtype=np.int64)
    for m in range(1, m_max + 1):
        cand = best[m - 1][:, None] + seg
        arg[m] = cand.argmax(axis=0)
        best[m] = cand.max(axis=0)
    finals = best[1:, k]
    if not np.isfinite(finals).any():
        cuts = [0, k]
    else:
        top = finals.max()
        m = 1 + int(np.flatnonzero(finals >= top - 1e-12 * max(1.0, abs(top)))[0])  # 同样的 IV 取箱数少的
        cuts = [k]
        j = k
        for mm in range(m, 0, -1):
            j = int(arg[mm, j])
            cuts.append(j)
        cuts = cuts[::-1]
    new_tot = [int(sum(tot[a:c])) for a, c in zip(cuts[:-1], cuts[1:])]
    new_bad = [int(sum(bad[a:c])) for a, c in zip(cuts[:-1], cuts[1:])]
    new_mem = [[i for mem in members[a:c] for i in mem] for a, c in zip(cuts[:-1], cuts[1:])]
    tot[:], bad[:], members[:] = new_tot, new_bad, new_mem


# ---------------------------------------------------------------------------
# 每个特征拟合后的分箱
# ---------------------------------------------------------------------------


@dataclass
class FeatureBins:
    """一个特征的分箱结果（:attr:`WoEBinner.bins_` 的值）。

    箱的顺序：普通箱、各特殊值箱、缺失箱，类别特征最后再加一个“未见过的类别”箱。
    """

    feature: str
    kind: str  # "numeric" 或 "categorical"
    splits: np.ndarray  # 数值：普通箱之间的切点（左闭右开）
    levels: list  # 类别：训练中见过的类别
    level_bin: np.ndarray  # 类别：每个类别所在的普通箱
    specials: list
    n_obs: np.ndarray
    n_bad: np.ndarray
    woe: np.ndarray  # 长度 = n_total_bins
    trend: str
    labels: list = field(default_factory=list)

    @property
    def n_regular(self) -> int:
        return len(self.splits) + 1 if self.kind == "numeric" else int(self.level_bin.max(initial=-1)) + 1

    @property
    def n_total_bins(self) -> int:
        return len(self.woe)

    @property
    def missing_bin(self) -> int:
        return self.n_regular + len(self.specials)

    @property
    def unseen_bin(self) -> int | None:
        return self.missing_bin + 1 if self.kind == "categorical" else None

    def bin_types(self) -> list[str]:
        types = ["regular"] * self.n_regular + ["special"] * len(self.specials) + ["missing"]
        if self.kind == "categorical":
            types.append("unseen")
        return types


def _fmt_num(v: float) -> str:
    if np.isinf(v):
        return "-inf" if v < 0 else "inf"
    return f"{v:.6g}"


def _is_number(v: Any) -> bool:
    return isinstance(v, Real) and not isinstance(v, bool)


class WoEBinner(TransformerMixin, RuralfinEstimator):
    """WoE 分箱器：在训练样本上分箱并算 WoE，再把任意样本换成 WoE。

    遵循 scikit-learn 估计器约定：``fit(X_train, y_train)`` 学分箱，
    ``transform(X_test)`` 转换；``set_output(transform="pandas")`` 后输出 DataFrame，
    列名与原特征同名。**WoE = ln(坏占比 / 好占比)，越大越危险**（1 = 坏）。
    算法与各种特殊情况的规则见本模块说明（``ruralfin.risk.binning?``）。

    Parameters
    ----------
    features : list of str, optional
        要分箱的列；默认 X 的全部列。输出只含这些列的 WoE。
    categorical : list of str, optional
        当作类别处理的列；默认非数值列（文字、category、object）都是类别特征——但文字列里
        至少 95% 的值能读成数字时仍按数值处理（“暂无”“N/A”等按缺失，见 ``text_as_missing_``）。
        用数字编码的类别（如行业代码）请在这里列出。
    max_bins : int, default 6
        每个特征普通箱的最多个数（不含缺失、特殊值箱），1 到 100。
    min_bin_share : float, default 0.05
        每个普通箱至少占样本的比例。
    n_prebins : int, default 100
        数值特征等频预分箱的段数（最终的切点从这些预分箱的边界中选），1 到 1000。
    monotonic : {"auto", "ascending", "descending", None}, default "auto"
        数值特征坏样本率随取值的单调方向：``"ascending"`` 递增，``"descending"``
        递减，``"auto"`` 两种都试、取 IV 大的，``None`` 不要求单调。类别特征总是按
        坏样本率排序，不受此参数影响。
    special_values : list or dict, optional
        特殊值（如 ``[-999, -1]``），每个值单独成箱；可用 ``{列名: [值, ...]}``
        分列指定。
    rare_share : float, default 0.01
        类别占比低于它即视为稀有类别、合并成一组（样本少的类别坏样本率不可靠）；
        设为 0 则不合并。
    handle_unknown : {"zero", "missing", "error"}, default "zero"
        转换时遇到训练中没有的类别：WoE 取 0、取缺失箱的 WoE，或报错。

    Attributes
    ----------
    features_ : list of str
        分了箱的特征。
    bins_ : dict of str to FeatureBins
        每个特征的分箱（切点、类别归属、计数、WoE）。
    iv_ : pandas.Series
        每个特征的 IV，按特征顺序。
    text_as_missing_ : dict of str to int
        文字列按数值特征分箱时，每列有几个读不成数字的值（如“暂无”“N/A”）按缺失处理；没有这种列时为空。
    n_features_in_ : int
    feature_names_in_ : ndarray
        只在 X 是 DataFrame 时存在。

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"age": [22, 25, 28, 31, 34, 45, 48, 52, 58, 63],
    ...     "crop": ["tea", "tea", "tea", "rice", "rice", "rice", "fruit", "tea", "fruit", "fruit"]})
    >>> y = pd.Series([1, 1, 0, 1, 0, 0, 0, 1, 0, 0])
    >>> binner = WoEBinner(max_bins=2, min_bin_share=0.2).fit(X, y)
    >>> binner.binning_table("age")[["bin", "n_obs", "n_bad", "woe"]]
              bin  n_obs  n_bad       woe
    0  [-inf, 34)      4      3  1.504077
    1   [34, inf)      6      1 -1.203973
    2     missing      0      0  0.000000

    第一箱 4 人中 3 坏 1 好；全体 4 坏 6 好，手算 WoE = ln((3/4)/(1/6)) = ln 4.5 ≈ 1.504。

    >>> binner.binning_table("crop")["bin"].tolist()
    ['fruit, rice', 'tea', 'missing', 'unseen']
    >>> binner.set_output(transform="pandas").transform(X.head(2))
            age      crop
    0  1.504077  1.504077
    1  1.504077  1.504077
    """

    def __init__(
        self,
        features=None,
        *,
        categorical=None,
        max_bins=6,
        min_bin_share=0.05,
        n_prebins=100,
        monotonic="auto",
        special_values=None,
        rare_share=0.01,
        handle_unknown="zero",
    ):
        self.features = features
        self.categorical = categorical
        self.max_bins = max_bins
        self.min_bin_share = min_bin_share
        self.n_prebins = n_prebins
        self.monotonic = monotonic
        self.special_values = special_values
        self.rare_share = rare_share
        self.handle_unknown = handle_unknown

    _fitted_attr = "bins_"

    # ------------------------------------------------------------------ 工具

    def __sklearn_tags__(self):
        from sklearn.utils import ClassifierTags

        tags = super().__sklearn_tags__()
        # 不是分类器，但和二分类器一样只接受 0/1 目标：借 classifier_tags 告诉
        # scikit-learn 的通用检查只用二元 y（WoE 对多类别目标没有定义）。
        tags.classifier_tags = ClassifierTags(multi_class=False)
        tags.target_tags.required = True
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags

    def _specials_for(self, feature: str) -> list:
        sv = self.special_values
        if sv is None:
            return []
        if isinstance(sv, dict):
            values = sv.get(feature, [])
        else:
            values = sv
        if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
            values = [values]
        return list(dict.fromkeys(values))

    def _check_params(self, df: pd.DataFrame) -> tuple[list[str], set[str]]:
        check_int(self.max_bins, "max_bins", min_value=1, max_value=100)
        check_int(self.n_prebins, "n_prebins", min_value=1, max_value=1000)
        check_number(self.min_bin_share, "min_bin_share", min_value=0, max_value=0.5)
        check_number(self.rare_share, "rare_share", min_value=0, max_value=1)
        check_choice(self.monotonic, ["auto", "ascending", "descending", None], "monotonic")
        check_choice(self.handle_unknown, ["zero", "missing", "error"], "handle_unknown")
        if self.special_values is not None and not isinstance(self.special_values, (list, tuple, dict, np.ndarray)):
            raise RuralfinTypeError(
                f"参数 special_values 应为列表或 {{列名: 列表}}，实际是 {type(self.special_values).__name__}"
            )
        check_instance(self.categorical, str, "categorical", allow_none=True, items=str)
        columns = [str(c) for c in df.columns]
        if self.features is None:
            features = columns
        else:
            if isinstance(self.features, str):
                raise RuralfinTypeError(f"参数 features 应为列名列表，实际是字符串 {self.features!r}；单个列请写成 [{self.features!r}]")
            features = list(check_instance(self.features, (), "features", items=str))
            unknown = [f for f in features if f not in columns]
            if unknown:
                raise RuralfinValueError(f"features 里这些列在 X 中没有：{fmt_list(unknown)}（X 的列：{fmt_list(columns)}）")
            if len(set(features)) != len(features):
                raise RuralfinValueError("features 里有重复的列名")
        if len(set(columns)) != len(columns):
            raise RuralfinValueError("X 有重名的列，请先去重")
        categorical = set()
        if self.categorical is not None:
            cats = [self.categorical] if isinstance(self.categorical, str) else list(self.categorical)
            unknown = [c for c in cats if c not in features]
            if unknown:
                raise RuralfinValueError(f"categorical 里这些列不在要分箱的特征中：{fmt_list(unknown)}")
            categorical = set(cats)
        for f in features:
            if f not in categorical and not _numeric_like(df[f]) and mostly_numeric(df[f]) is None:
                categorical.add(f)
        return features, categorical

    def _numbers(self, s: pd.Series, feature: str, *, fitting: bool) -> tuple[np.ndarray, int]:
        """数值特征的取值（float，缺失为 NaN）与按缺失处理的文字个数；有这种文字时用中文警告。"""
        if pd.api.types.is_bool_dtype(s.dtype):
            return s.to_numpy(dtype=float, na_value=np.nan), 0
        # 拟合时：文字列须至少 95% 是数字（见 _check_params）；转换时：全是“暂无”之类也行（都进缺失箱）
        parsed = mostly_numeric(s, require_number=fitting)
        if parsed is None:
            if fitting:
                raise RuralfinTypeError(f"列 {feature} 应为数值，实际是 {s.dtype}；若是类别请列入 categorical")
            raise RuralfinTypeError(f"列 {feature} 拟合时是数值，转换时却是 {s.dtype}，且大多不是数字")
        x, text_mask = parsed
        n_text = int(text_mask.sum())
        if n_text:
            examples = fmt_list([repr(v) for v in pd.unique(s[text_mask].astype(str))[:3]])
            warnings.warn(
                f"列 {feature} 是数值特征，但有 {n_text} 个值读不成数字（如 {examples}），已按缺失值处理（进缺失箱）；"
                "请核对原始数据，表示缺失的文字最好在读表时就换成空值",
                RuralfinWarning,
                stacklevel=4,
            )
        return x, n_text

    # ------------------------------------------------------------------ 拟合

    def fit(self, X, y=None):
        """在训练样本上分箱并计算每箱的 WoE。

        Parameters
        ----------
        X : DataFrame or 2-D array
            特征表，不会被修改。
        y : array-like
            0/1 目标（1 = 坏/违约），不能有缺失。

        Returns
        -------
        self

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
        >>> b.bins_["x"].splits  # 切点：[-inf, 5) 与 [5, inf)
        array([5.])
        """
        name = type(self).__name__
        if y is None:
            raise RuralfinValueError(
                f"{name}.fit 需要目标变量 y（1 = 坏/违约，0 = 好）"
                f"（{name} requires y to be passed, but the target y is None）"
            )
        df = self._validate_X(X, fitting=True)
        # 只有一类时不报错：WoE、IV 都记 0 并警告（见模块说明）
        target = check_binary_target(self._ravel_y(y), len(df), meaning=text("metrics.target_meaning"),
                                     both_classes=False).astype(float)
        features, categorical = self._check_params(df)

        total_bad = float(target.sum())
        total_good = float(len(target) - total_bad)
        if total_bad == 0 or total_good == 0:
            warnings.warn(
                f"目标 y 只有{'好' if total_bad == 0 else '坏'}样本，无法区分好坏：所有 WoE 记为 0、IV 记为 0",
                RuralfinWarning,
                stacklevel=2,
            )
        rare = self.rare_share
        bins = {}
        text_missing = {}
        for f in features:
            s = df[f]
            if f in categorical:
                bins[f] = self._fit_categorical(s, f, target, total_bad, total_good, rare)
            else:
                x, n_text = self._numbers(s, f, fitting=True)
                if n_text:
                    text_missing[f] = n_text
                bins[f] = self._fit_numeric(x, f, target, total_bad, total_good)

        self.features_ = list(features)
        self.bins_ = bins
        self.text_as_missing_ = text_missing
        self.iv_ = pd.Series(
            {f: float(self._table(f)["iv"].sum()) for f in features}, name="iv", dtype=float
        ).rename_axis("feature")
        return self

    def _finish(self, feature, kind, splits, levels, level_bin, specials, reg_tot, reg_bad,
                sp_tot, sp_bad, miss_tot, miss_bad, trend, labels, total_bad, total_good):
        n_obs = np.concatenate([reg_tot, sp_tot, [miss_tot]]).astype(np.int64)
        n_bad = np.concatenate([reg_bad, sp_bad, [miss_bad]]).astype(np.int64)
        woe = _woe(n_bad, n_obs - n_bad, total_bad, total_good)
        if kind == "categorical":
            unseen = woe[-1] if self.handle_unknown == "missing" else 0.0
            n_obs = np.append(n_obs, 0)
            n_bad = np.append(n_bad, 0)
            woe = np.append(woe, unseen)
        return FeatureBins(feature, kind, splits, levels, level_bin, specials, n_obs, n_bad, woe, trend, labels)

    def _fit_numeric(self, x, feature, y, total_bad, total_good):
        n = len(x)
        specials = [v for v in self._specials_for(feature) if _is_number(v)]
        miss = np.isnan(x)
        special_mask = np.zeros(n, dtype=bool)
        sp_tot, sp_bad = [], []
        for v in specials:
            m = x == v
            special_mask |= m
            sp_tot.append(int(m.sum()))
            sp_bad.append(int(np.rint(y[m].sum())))
        if specials or miss.any():
            reg = ~(miss | special_mask)
            xr, yr = x[reg], y[reg]
        else:
            xr, yr = x, y
        miss_tot = int(miss.sum())
        miss_bad = int(np.rint(y[miss].sum())) if miss_tot else 0

        finite = xr[np.isfinite(xr)] if xr.size else xr
        if finite.size:
            q = np.quantile(finite, np.linspace(0, 1, self.n_prebins + 1)[1:-1], method="higher")
            cuts = np.unique(q)
            cuts = cuts[cuts > finite.min()]
        else:
            cuts = np.array([], dtype=float)
        if xr.size:
            idx = np.searchsorted(cuts, xr, side="right")
            pre_tot = np.bincount(idx, minlength=len(cuts) + 1)
            pre_bad = np.rint(np.bincount(idx, weights=yr, minlength=len(cuts) + 1)).astype(np.int64)
        else:
            pre_tot = np.array([0])
            pre_bad = np.array([0])

        min_count = self.min_bin_share * n
        modes = {"auto": ["ascending", "descending"], "ascending": ["ascending"],
                 "descending": ["descending"], None: [None]}[self.monotonic]
        best = None
        for mode in modes:
            tot, bad = [int(v) for v in pre_tot], [int(v) for v in pre_bad]
            members = [[i] for i in range(len(tot))]
            if mode is not None:
                _pava(tot, bad, members, ascending=(mode == "ascending"))
            _best_partition(tot, bad, members, min_count, self.max_bins, total_bad, total_good)
            t, b = np.asarray(tot, float), np.asarray(bad, float)
            iv = float(_iv_terms(b, t - b, total_bad, total_good).sum())
            if best is None or iv > best[0] + 1e-12:
                best = (iv, mode, tot, bad, members)
        _, mode, tot, bad, members = best
        splits = np.array([cuts[m[0] - 1] for m in members[1:]], dtype=float)
        bounds = [-np.inf, *splits, np.inf]
        labels = [f"[{_fmt_num(bounds[i])}, {_fmt_num(bounds[i + 1])})" for i in range(len(splits) + 1)]
        labels += [_fmt_num(float(v)) if _is_number(v) else str(v) for v in specials] + ["missing"]
        trend = mode if mode is not None else "none"
        return self._finish(feature, "numeric", splits, [], np.array([], dtype=np.int64), specials,
                            np.asarray(tot), np.asarray(bad), np.asarray(sp_tot, dtype=np.int64),
                            np.asarray(sp_bad, dtype=np.int64), miss_tot, miss_bad, trend, labels,
                            total_bad, total_good)

    def _fit_categorical(self, s, feature, y, total_bad, total_good, rare):
        codes, cats = _codes(s)
        n = len(codes)
        k = len(cats)
        valid = codes >= 0
        lev_tot = np.bincount(codes[valid], minlength=k)
        lev_bad = np.rint(np.bincount(codes[valid], weights=y[valid], minlength=k)).astype(np.int64)
        miss_tot = int(n - valid.sum())
        miss_bad = int(np.rint(y[~valid].sum())) if miss_tot else 0
        specials = self._specials_for(feature)
        cat_list = list(cats)
        sp_tot, sp_bad, special_pos = [], [], set()
        for v in specials:
            pos = _find_level(cat_list, v)
            if pos is None:
                sp_tot.append(0)
                sp_bad.append(0)
            else:
                special_pos.add(pos)
                sp_tot.append(int(lev_tot[pos]))
                sp_bad.append(int(lev_bad[pos]))
        seen = [i for i in range(k) if lev_tot[i] > 0 and i not in special_pos]
        # 稀有类别合并成一组
        min_rare = rare * n
        common = [i for i in seen if lev_tot[i] >= min_rare]
        rare_lv = [i for i in seen if lev_tot[i] < min_rare]
        groups = [[i] for i in common]
        if rare_lv:
            groups.append(rare_lv)
        tot = [int(lev_tot[g].sum()) for g in groups]
        bad = [int(lev_bad[g].sum()) for g in groups]
        order = sorted(range(len(groups)), key=lambda j: (bad[j] / tot[j], j))
        tot = [tot[j] for j in order]
        bad = [bad[j] for j in order]
        members = [list(groups[j]) for j in order]
        if rare_lv and len(members) > 1:
            # 稀有类别合起来仍不足 rare_share：并入坏样本率最接近的相邻组
            r = order.index(len(groups) - 1)
            if tot[r] < min_rare:
                rate = bad[r] / tot[r]
                cands = [j for j in (r - 1, r + 1) if 0 <= j < len(members)]
                j = min(cands, key=lambda c: abs(bad[c] / tot[c] - rate))
                _merge(tot, bad, members, min(r, j))
        if members:
            _pava(tot, bad, members, ascending=True)
            _best_partition(tot, bad, members, self.min_bin_share * n, self.max_bins, total_bad, total_good)
        levels = [cat_list[i] for m in members for i in m]
        level_bin = np.array([j for j, m in enumerate(members) for _ in m], dtype=np.int64)
        labels = [", ".join(str(cat_list[i]) for i in m) for m in members]
        labels += [str(v) for v in specials] + ["missing", "unseen"]
        return self._finish(feature, "categorical", np.array([], dtype=float), levels, level_bin, specials,
                            np.asarray(tot, dtype=np.int64), np.asarray(bad, dtype=np.int64),
                            np.asarray(sp_tot, dtype=np.int64), np.asarray(sp_bad, dtype=np.int64),
                            miss_tot, miss_bad, "bad_rate_order", labels, total_bad, total_good)

    # ------------------------------------------------------------------ 转换

    def _bin_index(self, s: pd.Series, feature: str) -> np.ndarray:
        """每行所在的箱号（顺序见 :class:`FeatureBins`）。"""
        b = self.bins_[feature]
        if b.kind == "numeric":
            if isinstance(s.dtype, pd.CategoricalDtype):
                raise RuralfinTypeError(f"列 {feature} 拟合时是数值，转换时却是 {s.dtype}")
            x, _ = self._numbers(s, feature, fitting=False)
            idx = np.searchsorted(b.splits, x, side="right")
            for j, v in enumerate(b.specials):
                idx[x == v] = b.n_regular + j
            idx[np.isnan(x)] = b.missing_bin
            return idx
        codes, cats = _codes(s)
        lookup = pd.Index(b.levels, dtype=object).get_indexer(pd.Index(list(cats), dtype=object)) if len(cats) else np.array([], dtype=np.int64)
        cat_bin = np.where(lookup >= 0, b.level_bin[lookup] if len(b.level_bin) else 0, b.unseen_bin)
        for j, v in enumerate(b.specials):
            pos = _find_level(list(cats), v)
            if pos is not None:
                cat_bin[pos] = b.n_regular + j
        cat_bin = np.append(cat_bin, b.missing_bin).astype(np.int64)  # 编码 -1（缺失）→ 最后一位
        idx = cat_bin[codes]
        if self.handle_unknown == "error" and (idx == b.unseen_bin).any():
            new = [str(cats[c]) for c in np.unique(codes[idx == b.unseen_bin])]
            raise RuralfinValueError(f"列 {feature} 有训练中没见过的类别：{fmt_list(new)}（handle_unknown='error'）")
        return idx

    def _frame_for_transform(self, X) -> pd.DataFrame:
        self._check_fitted()
        return self._validate_X(X, fitting=False, columns=self.features_)

    def transform(self, X):
        """把特征换成所在箱的 WoE。

        Parameters
        ----------
        X : DataFrame or 2-D array
            须含拟合时的全部特征列（可以有多余的列，按列名取），不会被修改。

        Returns
        -------
        ndarray or DataFrame
            每个特征一列 WoE；``set_output(transform="pandas")`` 后为 DataFrame。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
        >>> b.transform(pd.DataFrame({"x": [0, 7, None]})).round(3)  # 超出范围进首箱；缺失箱无样本记 0
        array([[ 1.504],
               [-1.204],
               [ 0.   ]])
        """
        return self._woe_matrix(self._frame_for_transform(X))

    def _woe_matrix(self, df: pd.DataFrame) -> np.ndarray:
        out = np.empty((len(df), len(self.features_)), dtype=float)
        for j, f in enumerate(self.features_):
            out[:, j] = self.bins_[f].woe[self._bin_index(df[f], f)]
        return out

    def get_feature_names_out(self, input_features=None):
        """输出列名：与分箱特征同名。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4], "note": ["a", "b", "a", "b"]})
        >>> WoEBinner(features=["x"]).fit(X, [1, 0, 1, 0]).get_feature_names_out()
        array(['x'], dtype=object)
        """
        self._check_fitted()
        if input_features is not None:
            given = [str(c) for c in input_features]
            expected = list(getattr(self, "feature_names_in_", [f"x{i}" for i in range(self.n_features_in_)]))
            if given != expected:
                raise RuralfinValueError(
                    f"input_features 与拟合时的列不一致（input_features is not equal to feature_names_in_）：{fmt_list(given)}"
                )
        return np.asarray(self.features_, dtype=object)

    # ------------------------------------------------------------------ 报表

    def _table(self, feature: str) -> pd.DataFrame:
        b = self.bins_[feature]
        n_obs = b.n_obs
        n_bad = b.n_bad
        n_good = n_obs - n_bad
        total = n_obs.sum()
        tb, tg = float(n_bad.sum()), float(n_good.sum())
        with np.errstate(divide="ignore", invalid="ignore"):
            bad_rate = np.where(n_obs > 0, n_bad / np.maximum(n_obs, 1), np.nan)
        iv = np.where(n_obs > 0, (n_bad / tb if tb else 0) - (n_good / tg if tg else 0), 0.0) * b.woe
        return pd.DataFrame(
            {
                "bin": b.labels,
                "bin_type": b.bin_types(),
                "n_obs": n_obs,
                "obs_share": n_obs / total if total else np.zeros(len(n_obs)),
                "n_good": n_good,
                "n_bad": n_bad,
                "bad_rate": bad_rate,
                "woe": b.woe,
                "iv": iv,
            }
        )

    def _check_feature(self, feature: Any) -> str:
        self._check_fitted()
        if feature not in self.bins_:
            raise RuralfinValueError(f"没有分箱特征 {feature!r}；已分箱的特征：{fmt_list(self.features_)}")
        return feature

    def binning_table(self, feature: str | None = None) -> pd.DataFrame:
        """一个特征的分箱表（每箱一行，没有合计行）；``feature=None`` 时给出全部特征。

        列：``bin``（区间左闭右开，或类别列表）、``bin_type``（普通/特殊值/缺失/
        未见过的类别）、``n_obs``、``obs_share``、``n_good``、``n_bad``、``bad_rate``、
        ``woe``、``iv``（该箱对 IV 的贡献，求和即特征的 IV）。全部特征时前面多一列
        ``feature``。用 ``ruralfin.labels.to_display`` 显示中文表头。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"crop": ["tea", "tea", "rice", "rice", None, "rice"]})
        >>> b = WoEBinner(min_bin_share=0.1).fit(X, [1, 0, 0, 0, 1, 0])
        >>> b.binning_table("crop")[["bin", "bin_type", "n_obs", "bad_rate"]]
               bin bin_type  n_obs  bad_rate
        0     rice  regular      3       0.0
        1      tea  regular      2       0.5
        2  missing  missing      1       1.0
        3   unseen   unseen      0       NaN
        """
        if feature is None:
            self._check_fitted()
            parts = [self._table(f).assign(feature=f) for f in self.features_]
            out = pd.concat(parts, ignore_index=True)
            return out[["feature", *out.columns[:-1]]]
        return self._table(self._check_feature(feature))

    def iv_table(self) -> pd.DataFrame:
        """IV 汇总：每个特征一行，按 IV 从大到小。

        列：``feature``、``feature_type``（数值/类别）、``n_bins``（普通箱个数）、
        ``monotonic_trend``、``iv``、``iv_strength``（无用/弱/中/强/可疑，阈值见
        :func:`~ruralfin.risk.metrics.iv_strength`）。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"age": [22, 25, 31, 38, 45, 52, 58, 63], "noise": [1, 2, 1, 2, 1, 2, 1, 2]})
        >>> y = [1, 1, 1, 0, 0, 0, 0, 0]
        >>> WoEBinner(min_bin_share=0.2).fit(X, y).iv_table()
          feature feature_type  n_bins monotonic_trend        iv iv_strength
        0     age      numeric       2      descending  4.343805  suspicious
        1   noise      numeric       2      descending  0.292963      medium
        """
        self._check_fitted()
        rows = [
            {
                "feature": f,
                "feature_type": self.bins_[f].kind,
                "n_bins": self.bins_[f].n_regular,
                "monotonic_trend": self.bins_[f].trend,
                "iv": float(self.iv_[f]),
            }
            for f in self.features_
        ]
        out = pd.DataFrame(rows, columns=["feature", "feature_type", "n_bins", "monotonic_trend", "iv"])
        out["iv_strength"] = iv_strength(out["iv"].to_numpy()) if len(out) else []
        return out.sort_values("iv", ascending=False, kind="stable").reset_index(drop=True)


def _numeric_like(s: pd.Series) -> bool:
    if isinstance(s.dtype, pd.CategoricalDtype):
        return False
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        return True
    return False


def _codes(s: pd.Series) -> tuple[np.ndarray, Any]:
    """类别编码（缺失 = −1）与类别列表。"""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.cat.codes.to_numpy(dtype=np.int64), s.cat.categories
    try:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
    except TypeError:
        raise RuralfinTypeError(f"列 {s.name} 含有无法当作类别的取值（如字典、列表）") from None
    return codes.astype(np.int64, copy=False), uniques


def _find_level(levels: list, value: Any) -> int | None:
    for i, lv in enumerate(levels):
        try:
            if lv == value:
                return i
        except Exception:  # pragma: no cover - 奇怪的对象
            continue
    return None


# ---------------------------------------------------------------------------
# 特征稳定性：按分箱比较两个样本
# ---------------------------------------------------------------------------


def csi(expected: pd.DataFrame, actual: pd.DataFrame, *, binner: Any = None, features: Any = None, bins: int = 10) -> pd.DataFrame:
    """特征稳定性指数 CSI：对每个特征按 PSI 公式比较两个样本的分箱分布。

    给了已拟合的 :class:`WoEBinner` 时用它的分箱（与评分卡一致，推荐）；否则数值特征按
    ``expected`` 的等频分位点切 ``bins`` 段、类别特征按类别分段（见
    :func:`~ruralfin.risk.metrics.psi_table`）。阈值与 PSI 相同。

    Parameters
    ----------
    expected, actual : DataFrame
        开发样本与近期样本，都须含要比较的特征列。
    binner : WoEBinner, optional
        已拟合的分箱器。
    features : list of str, optional
        要比较的特征；默认取分箱器的全部特征，或两表共有的全部列。
    bins : int, default 10
        未给分箱器时的等频段数。

    Returns
    -------
    DataFrame
        每个特征一行：``feature``、``csi``、``psi_stability``，按 ``csi`` 从大到小。

    Examples
    --------
    >>> import pandas as pd
    >>> dev = pd.DataFrame({"age": [25, 35, 45, 55], "crop": ["rice", "rice", "tea", "tea"]})
    >>> new = pd.DataFrame({"age": [25, 35, 45, 55], "crop": ["rice", "tea", "tea", "tea"]})
    >>> csi(dev, new, bins=2)
      feature       csi psi_stability
    0    crop  0.274653         shift
    1     age  0.000000        stable
    """
    check_frame(expected, name="expected")
    check_frame(actual, name="actual")
    bins = check_int(bins, "bins", min_value=1, max_value=1000)
    if binner is not None:
        if not isinstance(binner, WoEBinner):
            raise RuralfinTypeError(f"binner 应为 WoEBinner，实际是 {type(binner).__name__}")
        binner._check_fitted()
        check_instance(features, (), "features", allow_none=True, items=str)
        feats = list(binner.features_) if features is None else list(features)
        unknown = [f for f in feats if f not in binner.bins_]
        if unknown:
            raise RuralfinValueError(f"分箱器里没有这些特征：{fmt_list(unknown)}（已分箱：{fmt_list(binner.features_)}）")
    else:
        check_instance(features, (), "features", allow_none=True, items=str)
        feats = [c for c in expected.columns if c in actual.columns] if features is None else list(features)
    check_frame(expected, feats, name="expected")
    check_frame(actual, feats, name="actual")
    rows = []
    for f in feats:
        if binner is not None:
            e_idx = binner._bin_index(expected[f], f)
            a_idx = binner._bin_index(actual[f], f)
            value = psi(e_idx, a_idx, bins=np.arange(0.5, binner.bins_[f].n_total_bins - 0.5))
        else:
            value = psi(expected[f], actual[f], bins=bins)
        rows.append({"feature": f, "csi": value})
    out = pd.DataFrame(rows, columns=["feature", "csi"])
    out["psi_stability"] = psi_stability(out["csi"].to_numpy()) if len(out) else []
    return out.sort_values("csi", ascending=False, kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------
# 图：各箱 WoE、各箱坏样本率
# ---------------------------------------------------------------------------


def _select_feature(table: pd.DataFrame, feature: str | None) -> pd.DataFrame:
    check_frame(table, ["bin", "woe", "bad_rate", "n_obs"], name="table", numeric=["woe", "bad_rate", "n_obs"])
    numeric_column(table, "n_obs", frame="table", min_value=0)
    numeric_column(table, "woe", frame="table")
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

    遵循 seaborn 的约定：第一个参数是数据，``ax=None`` 传入、返回 Axes，不调用
    ``plt.show()``；轴标题取自 :mod:`ruralfin.labels`。没有样本的箱（如训练中没有缺失值时的
    缺失箱、“未见过的类别”箱）不画。坏样本率图上的虚线是全体坏样本率。

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
    >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
    >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
    >>> ax = plot_bins(b.binning_table("x"), kind="bad_rate", feature="x")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['[-inf, 5)', '[5, inf)']
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from ..labels import label, text, value_label
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
    default = (text("binning.bins_title", feature=label(feature, unit=False), what=what) if feature
               else text("binning.bins_title_all", what=what))
    label_axes(ax, x="bin", y=kind, title=default if title is None else title)
    return ax


def plot_woe(table: pd.DataFrame, *, feature: str | None = None, ax: Any = None, title: str | None = None) -> Any:
    """各箱 WoE 柱状图（红色 = WoE > 0，比平均更危险）。同 ``plot_bins(kind="woe")``。

    Examples
    --------
    >>> import pandas as pd
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
    >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
    >>> b = WoEBinner(max_bins=2).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
    >>> ax = plot_bad_rate(b.binning_table("x"))
    >>> ax.get_ylabel()
    '坏样本率'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    return plot_bins(table, kind="bad_rate", feature=feature, ax=ax, title=title)
