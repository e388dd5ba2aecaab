"""学习型模型（估计器）的共同基类 :class:`RuralfinEstimator`。

本库五个“在一份样本上学、在另一份样本上用”的模型——:class:`~ruralfin.risk.WoEBinner`、
:class:`~ruralfin.risk.Scorecard`、:class:`~ruralfin.risk.EarlyWarningModel`、
:class:`~ruralfin.risk.CollectionScoreModel`、:class:`~ruralfin.risk.BehaviorSegmenter`——
都继承它，因而遵守同一套约定（同时也是 scikit-learn 的估计器约定）：

输入 ``X``
    推荐 pandas DataFrame：按 **列名** 取特征，可以有多余的列、列的顺序无关；缺少训练时
    用过的列时报错，并用中文列出缺了哪几列。也接受二维数组（numpy 数组、嵌套列表）：
    列依次命名为 ``x0``、``x1``……，用数组训练的模型预测时列数必须相同（scikit-learn 的
    通用检查用的就是数组）。不接受稀疏矩阵、一维数据、复数和空表。
    只有 DataFrame 的列名全是字符串时才记下 ``feature_names_in_``；``n_features_in_``
    总会记下。
没训练就使用
    ``fit`` 之前调用任何预测、转换、打分或报表方法（``predict``、``predict_proba``、
    ``decision_function``、``transform``、``predict_points``……）都抛出
    :class:`ruralfin.errors.NotFittedError`，信息是中文。它既是本库的
    :class:`~ruralfin.errors.RuralfinValueError`（``except rf.RuralfinError`` 接得住），
    也是 scikit-learn 的 ``NotFittedError``（scikit-learn 的检查和 ``check_is_fitted``
    认得它）。
``predict_points``
    有分数的模型（评分卡、预警模型）都返回 **pandas Series**：索引与 ``X`` 相同（``X``
    是数组时为 0…n−1），可以直接 ``df["points"] = model.predict_points(df)``；取第一个值
    用 ``.iloc[0]``。``predict``、``predict_proba`` 等仍按 scikit-learn 的习惯返回数组。
``random_state``（有随机性的模型才有这个参数）
    与 scikit-learn 相同：可以是整数（0 到 2³²−1）、``None`` 或 ``numpy.random.RandomState``，
    其他取值在 ``fit`` 里得到中文报错；``__init__`` 原样保存、不做任何处理，到 ``fit`` 里才用
    ``sklearn.utils.check_random_state`` 解析，并把解析出的随机状态交给内部所有带随机性的
    步骤。整数 = 同样的数据、同样的种子，结果完全相同；``None`` = 用 numpy 的全局随机状态，
    每次结果可能不同。课程里的例子都写明 ``random_state=0``。

Examples
--------
>>> import pandas as pd
>>> import ruralfin as rf
>>> from ruralfin.risk import Scorecard
>>> try:
...     Scorecard().predict_points(pd.DataFrame({"x": [1.0]}))
... except rf.RuralfinError as err:
...     print(err)
Scorecard 模型还没有训练：请先调用 fit(...)，在训练样本上学好之后再预测、转换或出报表
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from .._validation import check_binary_target, check_int, fmt_list
from ..errors import NotFittedError, RuralfinTypeError, RuralfinValueError

__all__ = ["RuralfinEstimator", "check_is_fitted"]


def check_is_fitted(estimator: Any) -> None:
    """``estimator`` 还没训练就抛出 :class:`~ruralfin.errors.NotFittedError`（中文信息）。

    Examples
    --------
    >>> from ruralfin.risk import WoEBinner
    >>> check_is_fitted(WoEBinner())
    Traceback (most recent call last):
    ...
    ruralfin.errors.NotFittedError: WoEBinner 模型还没有训练：请先调用 fit(...)，在训练样本上学好之后再预测、转换或出报表
    """
    if not estimator.__sklearn_is_fitted__():
        name = type(estimator).__name__
        raise NotFittedError(f"{name} 模型还没有训练：请先调用 fit(...)，在训练样本上学好之后再预测、转换或出报表")


class RuralfinEstimator(BaseEstimator):
    """本库学习型模型的基类：输入检查、未训练检查、``predict_points`` 的返回类型。

    约定见本模块说明（``ruralfin.risk._base?``）。子类设置 ``_fitted_attr``（拟合后才有的
    属性名），在 ``fit`` 里用 ``self._validate_X(X, fitting=True)``，在每个预测、转换和报表
    方法开头调用 ``self._check_fitted()``（或 ``self._validate_X(X, fitting=False, ...)``，
    它先做这一步）。
    """

    #: 拟合后才有的属性；有它就算“已训练”。
    _fitted_attr: ClassVar[str] = ""

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, self._fitted_attr)

    def _check_fitted(self) -> None:
        check_is_fitted(self)

    # ------------------------------------------------------------------ 输入

    def _validate_X(self, X: Any, *, fitting: bool, columns: Any = None) -> pd.DataFrame:
        """把 ``X`` 检查成 DataFrame（DataFrame 原样返回，不复制、不修改）。

        ``fitting=True`` 时记下 ``n_features_in_`` 与（列名都是字符串时）``feature_names_in_``；
        否则先确认已训练，数组的列数须与训练时相同。``columns`` 给出必须有的列。
        """
        name = type(self).__name__
        if not fitting:
            self._check_fitted()
        from_array = not isinstance(X, pd.DataFrame)
        if from_array:
            df = self._frame_from_array(X, fitting=fitting)
        else:
            df = X
            if not all(isinstance(c, str) for c in df.columns):
                df = df.rename(columns=str)
        if len(df) == 0:
            raise RuralfinValueError(f"{name} 的 X 是空表（0 行），无法{'拟合' if fitting else '预测或转换'}")
        if fitting and df.shape[1] == 0:
            raise RuralfinValueError(
                f"{name} 的 X 没有任何列（0 feature(s) (shape={df.shape}) while a minimum of 1 is required.）"
            )
        if fitting:
            self.n_features_in_ = df.shape[1]
            if not from_array and all(isinstance(c, str) for c in X.columns):
                self.feature_names_in_ = np.asarray(X.columns, dtype=object)
            elif hasattr(self, "feature_names_in_"):
                del self.feature_names_in_
        if columns is not None:
            self._require_columns(df, list(columns), fitting=fitting, from_array=from_array)
        return df

    def _frame_from_array(self, X: Any, *, fitting: bool) -> pd.DataFrame:
        name = type(self).__name__
        from scipy import sparse

        if sparse.issparse(X):
            raise RuralfinTypeError(f"{name} 不支持稀疏矩阵，请先转成 DataFrame（sparse input is not supported）")
        if X is None or isinstance(X, (str, bytes, dict)):
            raise RuralfinTypeError(f"{name} 的 X 应为 DataFrame 或二维数组，实际是 {type(X).__name__}")
        try:
            arr = np.asarray(X)
        except Exception as err:
            raise RuralfinTypeError(f"{name} 的 X 无法转成二维数组：{err}") from None
        if arr.ndim != 2:
            raise RuralfinValueError(
                f"{name} 的 X 应为二维（行 = 样本，列 = 特征），实际形状是 {arr.shape}"
                f"（Expected 2D array, got {arr.ndim}D array instead. Reshape your data）"
            )
        if arr.dtype.kind == "c":
            raise RuralfinValueError(f"{name} 不支持复数（Complex data not supported）")
        if fitting:
            cols = [f"x{i}" for i in range(arr.shape[1])]
        else:
            if arr.shape[1] != self.n_features_in_:
                raise RuralfinValueError(
                    f"X 有 {arr.shape[1]} 列，但 {name} 训练时有 {self.n_features_in_} 列"
                    f"（X has {arr.shape[1]} features, but {name} is expecting "
                    f"{self.n_features_in_} features as input）"
                )
            cols = list(getattr(self, "feature_names_in_", [f"x{i}" for i in range(arr.shape[1])]))
        df = pd.DataFrame(arr, columns=cols)
        if df.dtypes.eq(object).any():
            df = df.infer_objects()
        return df

    def _require_columns(self, df: pd.DataFrame, columns: list, *, fitting: bool, from_array: bool) -> None:
        missing = [c for c in columns if c not in df.columns]
        if not missing:
            return
        raise RuralfinValueError(
            f"X 缺少{'列' if fitting else '训练时用过的列'}：{fmt_list(missing)}（现有列：{fmt_list(df.columns)}）"
            + ("；X 是没有列名的数组，列被依次命名为 x0、x1……，请改传带列名的 DataFrame" if from_array else "")
        )

    def _numeric_matrix(self, df: pd.DataFrame, columns: list, *, allow_bool: bool = True) -> np.ndarray:
        """取 ``columns`` 为 float64 矩阵（缺失为 NaN）；有非数值列或无穷大时报错并列出这些列。"""
        bad = [c for c in columns
               if not (pd.api.types.is_numeric_dtype(df[c].dtype)
                       and (allow_bool or not pd.api.types.is_bool_dtype(df[c].dtype)))]
        if bad:
            raise RuralfinTypeError(
                f"X 中这些列应为{'数值或是/否' if allow_bool else '数值'}："
                + "、".join(f"{c}（{df[c].dtype}）" for c in bad)
                + "（float() argument must be a string or a real number）"
            )
        v = df[columns].astype("float64").to_numpy(na_value=np.nan)
        inf = np.isinf(v)
        if inf.any():
            bad = [c for j, c in enumerate(columns) if inf[:, j].any()]
            raise RuralfinValueError(
                f"X 中这些列有无穷大的值：{fmt_list(bad)}；特征应为有限的数，缺失请留空（NaN）而不是写成无穷大"
                "（Input X contains infinity）"
            )
        return v

    @staticmethod
    def _ravel_y(y: Any) -> Any:
        """列向量形状的 y（n × 1）按 scikit-learn 的习惯拉平并提醒。"""
        if isinstance(y, pd.DataFrame) and y.shape[1] == 1:
            y = y.iloc[:, 0]
        elif not isinstance(y, (pd.Series, list, tuple)) and getattr(y, "ndim", 1) == 2 and y.shape[1] == 1:
            from sklearn.exceptions import DataConversionWarning

            warnings.warn("A column-vector y was passed when a 1d array was expected（y 是 n × 1 的列向量，已拉平成一维）",
                          DataConversionWarning, stacklevel=3)
            y = np.ravel(y)
        return y

    def _binary_target(self, y: Any, n_rows: int, *, meaning: str, missing_hint: str = "") -> np.ndarray:
        """确认 0/1 标签 ``y``（:func:`ruralfin._validation.check_binary_target` 检查），返回 int64 数组。

        出错时在中文信息后补一句英文，供 scikit-learn 的通用检查辨认（它们按英文信息判断报错是否恰当）。
        """
        name = type(self).__name__
        if y is None:
            raise RuralfinValueError(
                f"{name}.fit 需要标签 y（{meaning}）（{name} requires y to be passed, but the target y is None）"
            )
        y = self._ravel_y(y)
        try:
            return check_binary_target(y, n_rows, meaning=meaning, missing_hint=missing_hint)
        except RuralfinValueError as exc:
            raise RuralfinValueError(f"{exc}{_sklearn_target_hint(y)}") from None

    # ------------------------------------------------------------------ 输出与随机性

    @staticmethod
    def _points_series(values: Any, df: pd.DataFrame, name: str) -> pd.Series:
        """``predict_points`` 的统一返回：名为 ``name``、索引与 ``df``（即 X）相同的 Series。"""
        return pd.Series(values, index=df.index, name=name)

    def _random_state(self) -> np.random.RandomState:
        """按 scikit-learn 的规则解析 ``self.random_state``（见本模块说明），只在 ``fit`` 里调用。"""
        from numbers import Integral

        from sklearn.utils import check_random_state

        seed = self.random_state
        if seed is not None and not isinstance(seed, np.random.RandomState):
            if isinstance(seed, bool) or not isinstance(seed, Integral):
                raise RuralfinTypeError(
                    f"参数 random_state 应为整数种子（如 0）、None 或 numpy.random.RandomState，"
                    f"实际是 {type(seed).__name__}：{seed!r}"
                )
            check_int(seed, "random_state", min_value=0, max_value=2**32 - 1)
        return check_random_state(seed)


def _sklearn_target_hint(y: Any) -> str:
    """标签不合格时给 scikit-learn 通用检查看的英文说明。"""
    from sklearn.utils.multiclass import type_of_target

    if isinstance(y, (str, bytes, dict)) or np.ndim(y) != 1:
        return "（y should be a 1d array）"
    s = pd.Series(np.asarray(y))
    if not pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return "（Unknown label type: only 0/1 targets are supported）"
    v = s.to_numpy(dtype=float, na_value=np.nan)
    if not np.isfinite(v).all():
        return ""
    kind = type_of_target(v)
    if kind == "continuous":
        return "（Unknown label type: continuous）"
    if kind == "multiclass":
        return "（Only binary classification is supported. The type of the target is multiclass）"
    if len(np.unique(v)) < 2:
        return "（only one class is present in y）"
    return ""
