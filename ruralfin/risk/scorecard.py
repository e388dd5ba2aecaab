"""评分卡：WoE 分箱 + 逻辑回归 + 分数刻度，可导出 SQL 与 Excel。

分数刻度（评分卡的通行做法）：以“某分数对应某好坏比 + 每翻倍分数 PDO”标定。

- 好坏比 odds = P(好) / P(坏)；``base_odds=50`` 表示 50:1。
- 因子 factor = PDO / ln 2；偏移 offset = base_points − factor × ln(base_odds)。
- 总分 = offset + factor × ln(odds) = offset − factor × (b0 + Σ b_j × WoE_j)，
  拆成 **基础分** = offset − factor × b0 与 **各特征每箱得分** = −factor × b_j × WoE_j。

因为 WoE = ln(坏占比/好占比)（越大越危险），系数 b_j 通常为正，危险的箱得分为负：
**分数越高，风险越低**。默认刻度 600 分对应 50:1、PDO = 20 只是示例，各行按自己的
惯例设定（另一个常见示例是 400 分对应 10:1、PDO = 20）。
"""

from __future__ import annotations

import math
import os
import warnings
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin, clone

from .._validation import check_choice, check_int, check_number, fmt_list
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ._base import RuralfinEstimator
from .binning import WoEBinner

__all__ = ["Scorecard"]


#: ``to_sql(dialect=...)`` 可选的 SQL 方言（名字同 sqlglot）
_SQL_DIALECTS = ("ansi", "sqlite", "duckdb", "postgres", "mysql", "hive", "spark")
_SQL_DIALECT_CACHE: dict = {}


def _sql_dialect(dialect: str) -> Any:
    """``to_sql`` 的方言名 → sqlglot 方言（sqlite 用反引号引标识符，见 :meth:`Scorecard.to_sql`）。"""
    if dialect not in _SQL_DIALECT_CACHE:
        if dialect == "sqlite":
            from sqlglot.dialects.sqlite import SQLite

            class RuralfinSQLite(SQLite):
                """sqlite，但标识符用反引号：找不到的 ``"列"`` 会被 sqlite 当成字符串，找不到的 `列` 一定报错。"""

                class Tokenizer(SQLite.Tokenizer):
                    IDENTIFIERS = ["`", '"', ("[", "]")]

            _SQL_DIALECT_CACHE[dialect] = RuralfinSQLite
        else:
            _SQL_DIALECT_CACHE[dialect] = "" if dialect == "ansi" else dialect
    return _SQL_DIALECT_CACHE[dialect]


def _sql_double(dialect: str) -> Any:
    """双精度浮点类型：ANSI 写 DOUBLE PRECISION，其余由 sqlglot 按方言写（sqlite 为 REAL）。"""
    from sqlglot import exp

    if dialect == "ansi":
        return exp.DataType(this=exp.DataType.Type.USERDEFINED, kind="DOUBLE PRECISION")
    return exp.DataType.build("DOUBLE")


def _sql_number(v: float) -> Any:
    from sqlglot import exp

    v = float(v)
    if not math.isfinite(v):
        raise RuralfinValueError(f"无法把非有限数 {v} 写进 SQL")
    return exp.Literal.number(repr(v + 0.0))


def _sql_literal(v: Any) -> Any:
    from sqlglot import exp

    if isinstance(v, (bool, np.bool_)):
        return exp.Boolean(this=bool(v))
    if isinstance(v, (int, np.integer)):
        return exp.Literal.number(str(int(v)))
    if isinstance(v, (float, np.floating)):
        return _sql_number(v)
    return exp.Literal.string(str(v))


def _sql_ident(name: Any, param: str) -> Any:
    from sqlglot import exp

    if not isinstance(name, str):
        raise RuralfinTypeError(f"{param} 应为字符串，实际是 {type(name).__name__}")
    if not name or "\x00" in name:
        raise RuralfinValueError(f"{param} 不能是空字符串，也不能含 NUL 字符，实际是 {name!r}")
    return exp.to_identifier(name, quoted=True)


class Scorecard(ClassifierMixin, RuralfinEstimator):
    """信用评分卡：WoE 分箱 + 逻辑回归 + 分数刻度。

    ``fit(X, y)`` 先拟合分箱器（或用你已拟合的分箱器），把特征换成 WoE，再用
    scikit-learn 的 ``LogisticRegression`` 拟合违约概率，最后把系数换算成每箱得分。
    ``predict_points`` 给出分数（越高越安全，pandas Series，索引与 X 相同），
    ``predict_proba`` 给出概率（第 2 列为违约概率）。注意：``score`` 方法仍是 scikit-learn 的准确率，**不是**分数。

    Parameters
    ----------
    binner : WoEBinner, optional
        分箱器；默认 ``WoEBinner()``。``prefit=False`` 时拟合它的一个副本。
    prefit : bool, default False
        为 True 时 ``binner`` 必须已经拟合，直接使用、不再拟合。
    base_points : float, default 600
        基准分：好坏比等于 ``base_odds`` 时的分数（示例值）。
    base_odds : float, default 50
        基准好坏比（好:坏），50 表示 50:1（示例值）。
    pdo : float, default 20
        好坏比翻一倍时增加的分数（示例值）。
    decimals : int, optional
        每箱得分与基础分保留的小数位（如 0 表示整数分）。默认不取整：分数严格
        等于刻度公式；取整后 ``predict_points`` 等于取整后各项之和（即打印出来的
        评分卡算出的分）。
    C : float, default 1.0
        逻辑回归正则强度的倒数（同 scikit-learn）；``C=np.inf`` 为不加正则，
        系数与 statsmodels 的 Logit 一致。
    class_weight : dict or "balanced", optional
        同 scikit-learn 的 ``LogisticRegression``。
    max_iter : int, default 1000
        逻辑回归最大迭代次数。
    tol : float, default 1e-6
        逻辑回归的收敛容差（比 scikit-learn 默认的 1e-4 严，系数更接近精确解）。

    Attributes
    ----------
    binner_ : WoEBinner
        使用的（已拟合）分箱器。
    estimator_ : LogisticRegression
        在 WoE 上拟合的逻辑回归。
    features_ : list of str
    coef_ : ndarray
        各特征 WoE 的系数（与 ``features_`` 同序）。
    intercept_ : float
    factor_, offset_ : float
        刻度的因子与偏移。
    base_score_ : float
        基础分 = offset − factor × 截距。
    points_ : dict of str to ndarray
        每个特征各箱的得分，箱的顺序同 ``binner_.binning_table(feature)``。
    classes_ : ndarray
        ``[0, 1]``。

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"age": [22, 25, 28, 31, 34, 45, 48, 52, 58, 63],
    ...     "crop": ["tea", "tea", "tea", "rice", "rice", "rice", "fruit", "tea", "fruit", "fruit"]})
    >>> y = [1, 1, 0, 1, 0, 0, 0, 1, 0, 0]
    >>> card = Scorecard(WoEBinner(max_bins=2, min_bin_share=0.2), decimals=0).fit(X, y)
    >>> card.scorecard_table()[["feature", "bin", "woe", "points"]]
         feature          bin       woe  points
    0  intercept            -       NaN   498.0
    1        age   [-inf, 34)  1.504077   -24.0
    2        age    [34, inf) -1.203973    19.0
    3        age      missing  0.000000     0.0
    4       crop  fruit, rice -1.203973    19.0
    5       crop          tea  1.504077   -24.0
    6       crop      missing  0.000000     0.0
    7       crop       unseen  0.000000     0.0
    >>> card.predict_points(X.head(2))  # 498 − 24 − 24
    0    450.0
    1    450.0
    Name: points, dtype: float64
    """

    _fitted_attr = "estimator_"

    def __init__(
        self,
        binner=None,
        *,
        prefit=False,
        base_points=600,
        base_odds=50,
        pdo=20,
        decimals=None,
        C=1.0,
        class_weight=None,
        max_iter=1000,
        tol=1e-6,
    ):
        self.binner = binner
        self.prefit = prefit
        self.base_points = base_points
        self.base_odds = base_odds
        self.pdo = pdo
        self.decimals = decimals
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        tags.target_tags.required = True
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        return tags

    # ------------------------------------------------------------------ 拟合

    def fit(self, X, y=None):
        """拟合分箱（除非 ``prefit``）、逻辑回归与每箱得分。

        Parameters
        ----------
        X : DataFrame or 2-D array
            特征表，不会被修改。
        y : array-like
            0/1 目标（1 = 坏/违约），须好坏两类都有。

        Returns
        -------
        self

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
        >>> card.features_, round(card.factor_, 4), round(card.offset_, 4)
        (['x'], 28.8539, 487.1229)
        """
        from sklearn.linear_model import LogisticRegression

        from ..labels import text

        name = type(self).__name__
        if y is None:
            raise RuralfinValueError(
                f"{name}.fit 需要目标变量 y（1 = 坏/违约，0 = 好）"
                f"（{name} requires y to be passed, but the target y is None）"
            )
        base_points = check_number(self.base_points, "base_points")
        base_odds = check_number(self.base_odds, "base_odds", min_value=0)
        if base_odds <= 0:
            raise RuralfinValueError(f"参数 base_odds 应为正数（好:坏，如 50 表示 50:1），实际是 {base_odds:g}")
        pdo = check_number(self.pdo, "pdo")
        if pdo <= 0:
            raise RuralfinValueError(f"参数 pdo 应为正数（好坏比翻倍时增加的分数），实际是 {pdo:g}")
        if self.decimals is not None:
            check_int(self.decimals, "decimals", min_value=0, max_value=10)
        check_int(self.max_iter, "max_iter", min_value=1, max_value=100_000)
        C = self._check_C()
        tol = check_number(self.tol, "tol", min_value=0)
        class_weight = self._check_class_weight()

        X_checked = self._validate_X(X, fitting=True)  # 先以 Scorecard 的名义检查 X 的类型、形状（报错里写的是 Scorecard）
        y = self._ravel_y(y)
        # 先查目标：评分卡需要好、坏两类都有（只有一类时分箱器只会警告，评分卡则无法拟合）
        target = self._binary_target(y, len(X_checked), meaning=text("metrics.target_meaning"))
        if self.prefit:
            if not isinstance(self.binner, WoEBinner):
                raise RuralfinTypeError(f"prefit=True 时 binner 应为已拟合的 WoEBinner，实际是 {type(self.binner).__name__}")
            self.binner._check_fitted()
            binner = self.binner
            df = binner._frame_for_transform(X)
        else:
            if self.binner is not None and not isinstance(self.binner, WoEBinner):
                raise RuralfinTypeError(f"binner 应为 WoEBinner，实际是 {type(self.binner).__name__}")
            binner = clone(self.binner) if self.binner is not None else WoEBinner()
            binner.fit(X, y)
            df = binner._frame_for_transform(X)
        if self.prefit:
            woe = binner._woe_matrix(df)
        else:
            with warnings.catch_warnings():  # 刚拟合的分箱器已就同一份 X 警告过（如“暂无”按缺失处理），不再重复
                warnings.simplefilter("ignore", RuralfinWarning)
                woe = binner._woe_matrix(df)
        lr = LogisticRegression(C=C, class_weight=class_weight, max_iter=self.max_iter, tol=tol)
        lr.fit(woe, target.astype(int))

        self.binner_ = binner
        self.estimator_ = lr
        self.features_ = list(binner.features_)
        self.classes_ = np.array([0, 1])
        self.n_features_in_ = binner.n_features_in_
        if hasattr(binner, "feature_names_in_"):
            self.feature_names_in_ = binner.feature_names_in_
        self.n_iter_ = lr.n_iter_.copy()
        self.coef_ = lr.coef_.ravel().copy()
        self.intercept_ = float(lr.intercept_[0])
        self.factor_ = pdo / math.log(2.0)
        self.offset_ = base_points - self.factor_ * math.log(base_odds)
        base = self.offset_ - self.factor_ * self.intercept_
        points = {
            f: -self.factor_ * self.coef_[j] * binner.bins_[f].woe for j, f in enumerate(self.features_)
        }
        if self.decimals is not None:
            base = round(base, self.decimals)
            points = {f: np.round(p, self.decimals) for f, p in points.items()}
        points = {f: p + 0.0 for f, p in points.items()}  # 把 -0.0 规整成 0.0
        self.base_score_ = float(base)
        self.points_ = points

        negative = [f for f, c in zip(self.features_, self.coef_) if c < 0]
        if negative:
            warnings.warn(
                f"这些特征的系数为负：{fmt_list(negative)}。WoE 越大越危险，系数本应为正；"
                "系数为负通常是特征之间高度相关（共线性）造成的，建议剔除其中之一再拟合",
                RuralfinWarning,
                stacklevel=2,
            )
        return self

    def _check_C(self) -> float:
        """正则强度的倒数 C：正数，可以是 ``np.inf``（不加正则）。"""
        C = self.C
        if isinstance(C, bool) or not isinstance(C, Real):
            raise RuralfinTypeError(f"参数 C 应为正数（正则强度的倒数，np.inf 表示不加正则），实际是 {type(C).__name__}：{C!r}")
        if float(C) == math.inf:
            return math.inf
        C = check_number(C, "C")
        if C <= 0:
            raise RuralfinValueError(f"参数 C 应为正数（正则强度的倒数，越小正则越强），实际是 {C:g}")
        return C

    def _check_class_weight(self):
        """``None``、``"balanced"`` 或 ``{0: 权重, 1: 权重}``（权重为正的有限数）。"""
        cw = self.class_weight
        if cw is None or (isinstance(cw, str) and cw == "balanced"):
            return cw
        if not isinstance(cw, dict):
            raise RuralfinTypeError(f"参数 class_weight 应为 None、'balanced' 或 {{0: 权重, 1: 权重}}，实际是 {cw!r}")
        unknown = [k for k in cw if isinstance(k, bool) or k not in (0, 1)]
        if unknown:
            raise RuralfinValueError(f"参数 class_weight 的键只能是 0 和 1（0 = 好，1 = 坏），实际有 {fmt_list(map(repr, unknown))}")
        out = {}
        for k, w in cw.items():
            w = check_number(w, f"class_weight[{k}]")
            if w <= 0:
                raise RuralfinValueError(f"参数 class_weight[{k}] 应为正数，实际是 {w:g}")
            out[int(k)] = w
        return out

    # ------------------------------------------------------------------ 预测

    def _woe(self, X) -> np.ndarray:
        self._check_fitted()
        return self.binner_._woe_matrix(self.binner_._frame_for_transform(X))

    def predict_proba(self, X):
        """预测概率：第 1 列为好（0）的概率，第 2 列为违约（1）的概率。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, y)
        >>> card.predict_proba(X.head(1)).round(3)
        array([[0.32, 0.68]])
        """
        woe = self._woe(X)
        return self.estimator_.predict_proba(woe)

    def decision_function(self, X):
        """违约的对数几率 ln(P(坏)/P(好))；分数 = offset − factor × 它。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
        >>> logit = card.decision_function(X.head(1))
        >>> bool(abs(card.offset_ - card.factor_ * logit[0] - card.predict_points(X.head(1))[0]) < 1e-9)
        True
        """
        woe = self._woe(X)
        return self.estimator_.decision_function(woe)

    def predict(self, X):
        """按 0.5 的违约概率阈值给出 0/1 预测（实际审批请用分数和业务阈值）。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, [1, 1, 0, 1, 0, 0, 0, 0, 1, 0])
        >>> card.predict(X)
        array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])
        """
        woe = self._woe(X)
        return self.estimator_.predict(woe)

    def _points_matrix(self, X) -> tuple[np.ndarray, pd.DataFrame]:
        self._check_fitted()
        df = self.binner_._frame_for_transform(X)
        parts = np.empty((len(df), len(self.features_)), dtype=float)
        for j, f in enumerate(self.features_):
            parts[:, j] = self.points_[f][self.binner_._bin_index(df[f], f)]
        return parts, df

    def predict_points(self, X):
        """评分卡分数：基础分 + 各特征所在箱的得分（越高越安全）。

        按特征顺序逐个相加（与 :meth:`to_sql` 生成的 SQL 运算顺序相同，所以数据库里
        算出的分数与这里完全一致）。

        Returns
        -------
        pandas.Series
            名为 ``points``，索引与 ``X`` 相同（``X`` 是数组时为 0…n−1），所以可以直接
            ``df["points"] = card.predict_points(df[features])``；取单个值用 ``.iloc[0]``。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(X, y)
        >>> card.predict_points(X.tail(3))
        7    524.0
        8    524.0
        9    524.0
        Name: points, dtype: float64
        >>> float(card.predict_points(X).iloc[0])
        465.0
        """
        parts, df = self._points_matrix(X)
        return self._points_series(self._total(parts), df, "points")

    def _total(self, parts: np.ndarray) -> np.ndarray:
        total = np.full(parts.shape[0], self.base_score_)
        for j in range(parts.shape[1]):
            total = total + parts[:, j]
        return total

    def points_breakdown(self, X) -> pd.DataFrame:
        """每行的分数拆解：基础分、各特征得分与总分（便于向客户经理解释）。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(X, y)
        >>> card.points_breakdown(X.tail(1))
           base_points     x  points
        9        498.0  26.0   524.0
        """
        parts, df = self._points_matrix(X)
        out = pd.DataFrame(parts, columns=self.features_, index=df.index)
        out.insert(0, "base_points", self.base_score_)
        out["points"] = self._total(parts)
        return out

    # ------------------------------------------------------------------ 报表

    def scorecard_table(self) -> pd.DataFrame:
        """评分卡表：第一行为基础分（``feature="intercept"``），其后每个特征每箱一行。

        列：``feature``、``bin``、``bin_type``、``n_obs``、``bad_rate``、``woe``、
        ``coefficient``、``points``。一行客户的分数 = 基础分 + 它在每个特征所落箱的
        ``points``。没有合计行。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(X, y)
        >>> card.scorecard_table()[["feature", "bin", "points"]]
             feature        bin  points
        0  intercept          -   498.0
        1          x  [-inf, 5)   -33.0
        2          x   [5, inf)    26.0
        3          x    missing     0.0
        """
        self._check_fitted()
        rows = [
            pd.DataFrame(
                {
                    "feature": ["intercept"],
                    "bin": ["-"],
                    "bin_type": ["base"],
                    "n_obs": [int(self.binner_.bins_[self.features_[0]].n_obs.sum()) if self.features_ else 0],
                    "bad_rate": [np.nan],
                    "woe": [np.nan],
                    "coefficient": [self.intercept_],
                    "points": [self.base_score_],
                }
            )
        ]
        for j, f in enumerate(self.features_):
            t = self.binner_.binning_table(f)
            rows.append(
                pd.DataFrame(
                    {
                        "feature": f,
                        "bin": t["bin"],
                        "bin_type": t["bin_type"],
                        "n_obs": t["n_obs"],
                        "bad_rate": t["bad_rate"],
                        "woe": t["woe"],
                        "coefficient": self.coef_[j],
                        "points": self.points_[f],
                    }
                )
            )
        return pd.concat(rows, ignore_index=True)

    def scaling_table(self) -> pd.DataFrame:
        """刻度参数表：基准分、基准好坏比、PDO、因子、偏移、基础分。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, y)
        >>> card.scaling_table().round(2)
             parameter   value
        0  base_points  600.00
        1    base_odds   50.00
        2          pdo   20.00
        3       factor   28.85
        4       offset  487.12
        5   base_score  498.36
        """
        self._check_fitted()
        return pd.DataFrame(
            {
                "parameter": ["base_points", "base_odds", "pdo", "factor", "offset", "base_score"],
                "value": [float(self.base_points), float(self.base_odds), float(self.pdo),
                          self.factor_, self.offset_, self.base_score_],
            }
        )

    # ------------------------------------------------------------------ 导出

    def to_sql(self, table_name: str | None = "applications", *, dialect: str = "ansi",
               points_column: str = "points", keep_columns: Any = None) -> str:
        """生成 SQL，在数据库里算出与 :meth:`predict_points` 相同的分数。

        每个特征一个 ``CASE`` 表达式：先判断 ``IS NULL``（缺失箱），再判断特殊值，
        数值特征再按切点 ``<`` 依次判断（区间左闭右开），类别特征按 ``IN (...)`` 判断，
        训练中没见过的类别落入 ``ELSE``（得分按 ``handle_unknown`` 规则）。

        SQL 由 `sqlglot <https://sqlglot.com>`_ 按 ``dialect`` 生成，所以不同数据库的写法都对：

        - **标识符与字符串按方言转义**：MySQL、Hive、Spark 用反引号引列名，字符串里的
          反斜杠按各自规则转义，类别取值里即使有 ``'``、``\\``、``;``、``--`` 也只是数据，
          不会把语句拆开（PostgreSQL 按默认的 ``standard_conforming_strings = on`` 写）；
        - **数值特征先转成双精度** ``CAST(列 AS DOUBLE)``：仓库里存成文本的数字也按数值比较
          （不会按字符串比，``'10' < '9'``）；
        - **缺列一定报错**：给了表名时，每个列都写成 ``表.列``；sqlite 方言用反引号引列名。
          （sqlite 遇到找不到的 ``"列"`` 会悄悄把它当成字符串 ``'列'``，分数全错也不报错。）
          所以在 sqlite 里请用 ``dialect="sqlite"``，特别是 ``table_name=None`` 只取表达式时。

        运行前请确认：数值列里不是数字的文本（如 ``'暂无'``）各数据库处理不同（sqlite 当成 0，
        DuckDB、PostgreSQL 报错），入库前应清理成 NULL。

        Parameters
        ----------
        table_name : str or None, default "applications"
            数据库里的表名（一个名字，按方言加引号）；为 None 时只返回分数表达式本身，
            列名不带表名。
        dialect : {"ansi", "sqlite", "duckdb", "postgres", "mysql", "hive", "spark"}, default "ansi"
            SQL 方言。``"ansi"`` 是标准 SQL（双引号引列名，``DOUBLE PRECISION``），
            PostgreSQL、DuckDB 等也能运行；sqlite 用 ``"sqlite"``。
        points_column : str, default "points"
            分数列的名字。
        keep_columns : str or list of str, optional
            一并选出的列（如客户编号）；默认 ``*``（全部列）。

        Returns
        -------
        str
            一条 SQL 语句（不带结尾分号）。

        Examples
        --------
        >>> import pandas as pd
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(X, y)
        >>> print(card.to_sql("applications", keep_columns=["x"]))
        SELECT
          "applications"."x",
          CAST(498.0 AS DOUBLE PRECISION) + CASE
            WHEN "applications"."x" IS NULL
            THEN 0.0
            WHEN CAST("applications"."x" AS DOUBLE PRECISION) < 5.0
            THEN -33.0
            ELSE 26.0
          END AS "points"
        FROM "applications"
        >>> print(card.to_sql("applications", dialect="mysql", keep_columns="x").splitlines()[1])
          `applications`.`x`,
        >>> card.to_sql(dialect="oracle")
        Traceback (most recent call last):
        ...
        ruralfin.errors.RuralfinValueError: 参数 dialect 不认识取值 'oracle'，可选：ansi、sqlite、duckdb、postgres、mysql、hive、spark
        """
        self._check_fitted()
        if not isinstance(dialect, str):
            raise RuralfinTypeError(f"dialect 应为字符串（{fmt_list(_SQL_DIALECTS)}），实际是 {type(dialect).__name__}")
        check_choice(dialect, _SQL_DIALECTS, "dialect")
        if table_name is not None:
            _sql_ident(table_name, "table_name")
        if keep_columns is not None and not isinstance(keep_columns, str):
            try:
                keep_columns = list(keep_columns)
            except TypeError:
                raise RuralfinTypeError(
                    f"keep_columns 应为列名或列名列表，实际是 {type(keep_columns).__name__}"
                ) from None
        from sqlglot import exp

        read = _sql_dialect(dialect)
        double = _sql_double(dialect)

        def column(name: str, param: str = "keep_columns") -> Any:
            table = None if table_name is None else _sql_ident(table_name, "table_name")
            return exp.Column(this=_sql_ident(name, param), table=table)

        total = exp.cast(_sql_number(self.base_score_), double.copy())
        for f in self.features_:
            b = self.binner_.bins_[f]
            pts = self.points_[f]
            col = column(str(f), "features_")
            value = exp.cast(col.copy(), double.copy()) if b.kind == "numeric" else col
            case = exp.Case().when(exp.Is(this=col.copy(), expression=exp.Null()), _sql_number(pts[b.missing_bin]))
            for j, v in enumerate(b.specials):
                case = case.when(exp.EQ(this=value.copy(), expression=_sql_literal(v)), _sql_number(pts[b.n_regular + j]))
            if b.kind == "numeric":
                for j, cut in enumerate(b.splits):
                    case = case.when(exp.LT(this=value.copy(), expression=_sql_number(cut)), _sql_number(pts[j]))
                case = case.else_(_sql_number(pts[b.n_regular - 1]))
            else:
                for j in range(b.n_regular):
                    members = [_sql_literal(lv) for lv, k in zip(b.levels, b.level_bin) if k == j]
                    case = case.when(exp.In(this=value.copy(), expressions=members), _sql_number(pts[j]))
                case = case.else_(_sql_number(pts[b.unseen_bin]))
            total = exp.Add(this=total, expression=case)
        if table_name is None:
            return total.sql(dialect=read, pretty=True)
        if keep_columns is None:
            keep = [exp.Star()]
        else:
            keep = [column(c) for c in ([keep_columns] if isinstance(keep_columns, str) else keep_columns)]
        query = exp.select(*keep, exp.alias_(total, _sql_ident(points_column, "points_column"))).from_(
            exp.Table(this=_sql_ident(table_name, "table_name"))
        )
        return query.sql(dialect=read, pretty=True)

    def to_excel(self, path: Any, *, X: Any = None, y: Any = None, overwrite: bool = False) -> str:
        """把评分卡及其报表写入 Excel（中文表头），返回文件路径。

        工作表：评分卡、刻度参数、IV 汇总、分箱明细；同时给了 ``X`` 和 ``y`` 时再加
        区分度（KS、AUC、Gini）与 gains 表。

        Parameters
        ----------
        path : str or path-like
            ``.xlsx`` 文件路径；所在文件夹须已存在。
        X, y : optional
            用来计算区分度报表的样本（如测试集）。
        overwrite : bool, default False
            文件已存在时是否覆盖；默认不覆盖并报错。

        Examples
        --------
        >>> import pandas as pd, tempfile, pathlib
        >>> X = pd.DataFrame({"x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})
        >>> y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0]
        >>> card = Scorecard(WoEBinner(max_bins=2)).fit(X, y)
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "card.xlsx"
        >>> card.to_excel(out).endswith("card.xlsx")
        True
        >>> card.to_excel(out)
        Traceback (most recent call last):
        ...
        ruralfin.errors.RuralfinValueError: 文件 ... 已存在；如确需覆盖，请传入 overwrite=True
        """
        from ..labels import text, to_display
        from . import metrics

        self._check_fitted()
        if not isinstance(path, (str, os.PathLike)):
            raise RuralfinTypeError(f"path 应为文件路径，实际是 {type(path).__name__}")
        path = os.fspath(path)
        if not path.lower().endswith(".xlsx"):
            raise RuralfinValueError(f"path 应以 .xlsx 结尾，实际是 {path}")
        if (X is None) != (y is None):
            raise RuralfinValueError("X 与 y 要么都给（用于区分度报表），要么都不给")
        sheets = {
            text("scorecard.sheet_card"): to_display(self.scorecard_table(), table="scorecard"),
            text("scorecard.sheet_scaling"): to_display(self.scaling_table(), table="scorecard"),
            text("scorecard.sheet_iv"): to_display(self.binner_.iv_table()),
            text("scorecard.sheet_bins"): to_display(self.binner_.binning_table()),
        }
        if X is not None:
            pts = self.predict_points(X)
            prob = self.predict_proba(X)[:, 1]
            summary = pd.DataFrame(
                {
                    "ks": [metrics.ks_statistic(y, pts)],
                    "auc": [metrics.auc(y, prob)],
                    "gini": [metrics.gini(y, prob)],
                }
            )
            sheets[text("scorecard.sheet_discrimination")] = to_display(summary)
            sheets[text("scorecard.sheet_gains")] = to_display(metrics.gains_table(y, pts, higher_is_safer=True))
        from ..datasets import export_excel

        return os.fspath(export_excel(sheets, path, overwrite=overwrite, display=False))
