"""贷后监测（四）：早期预警——预警面板、五个预警信号、预警打分模型与预警提前期。

本模块对应课程第四部分途径二 (5) “贷款贷后监测模型”的预警部分：在贷款逾期之前，
从销售、用电、他行逾期、行业冲击和担保圈的变化中看出苗头。同一课的五级分类在
:mod:`ruralfin.risk.classification`。:class:`EarlyWarningModel` 遵循 scikit-learn 估计器约定
（见 ``ruralfin.risk._base``）；其余函数接收 DataFrame、返回新表，不修改输入。
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin

from .. import labels
from .._validation import (
    check_frame,
    check_int,
    check_number,
    key_columns,
    month_index,
    numeric_column,
    same_key_type,
)
from ..errors import RuralfinValueError
from ._base import RuralfinEstimator

__all__ = [
    "WARNING_SIGNALS",
    "warning_panel",
    "early_warning_signals",
    "future_default_label",
    "EarlyWarningModel",
    "warning_lead_time",
    "lead_time_summary",
    "plot_lead_time",
]


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
    key_columns(loan_monthly, "entity_id", param="entity_id", frame="loan_monthly")
    numeric_column(loan_monthly, "days_past_due", frame="loan_monthly", min_value=0)
    key_columns(sales_monthly, "entity_id", param="entity_id", frame="sales_monthly")
    numeric_column(sales_monthly, "sales_amount", frame="sales_monthly", min_value=0)
    keys = [("loan_monthly", loan_monthly, "entity_id"), ("sales_monthly", sales_monthly, "entity_id")]
    months = [("loan_monthly", loan_monthly, "month"), ("sales_monthly", sales_monthly, "month")]
    if utilities is not None:
        check_frame(utilities, ["entity_id", "month", "electricity_kwh"], name="utilities", allow_empty=True,
                    numeric=["electricity_kwh"])
        key_columns(utilities, "entity_id", param="entity_id", frame="utilities")
        numeric_column(utilities, "electricity_kwh", frame="utilities", allow_nan=True, min_value=0)
        keys.append(("utilities", utilities, "entity_id"))
        months.append(("utilities", utilities, "month"))
    if external_events is not None:
        check_frame(external_events, ["entity_id", "month", "event_type"], name="external_events", allow_empty=True)
        key_columns(external_events, "entity_id", param="entity_id", frame="external_events")
        keys.append(("external_events", external_events, "entity_id"))
        months.append(("external_events", external_events, "month"))
    if industry_monthly is not None:
        if entities is None:
            raise RuralfinValueError("给出 industry_monthly 时还需要 entities（用来查每个主体的细分行业 sub_industry）")
        check_frame(industry_monthly, ["sub_industry", "month", "shock"], name="industry_monthly")
        check_frame(entities, ["entity_id", "sub_industry"], name="entities")
        key_columns(entities, "entity_id", param="entity_id", frame="entities", unique=True)
        keys.append(("entities", entities, "entity_id"))
        months.append(("industry_monthly", industry_monthly, "month"))
    if guarantees is not None:
        check_frame(guarantees, ["entity_id", "guarantor_id"], name="guarantees", allow_empty=True)
        key_columns(guarantees, ["entity_id", "guarantor_id"], param="guarantees", frame="guarantees")
        keys += [("guarantees", guarantees, "entity_id"), ("guarantees", guarantees, "guarantor_id")]
    same_key_type(*keys)
    same_key_type(*months)

    lm = loan_monthly[["entity_id", "month", "days_past_due"]]
    worst = lm.groupby(["entity_id", "month"], sort=False, observed=True)["days_past_due"].max().reset_index()
    borrowers = pd.Index(worst["entity_id"].unique())
    panel = sales_monthly.loc[sales_monthly["entity_id"].isin(borrowers), ["entity_id", "month", "sales_amount"]]
    if utilities is not None:
        panel = panel.merge(utilities[["entity_id", "month", "electricity_kwh"]], on=["entity_id", "month"],
                            how="left")
    if external_events is not None:
        ev = external_events.loc[external_events["event_type"] == "overdue_other_bank", ["entity_id", "month"]]
        ev = ev.drop_duplicates().assign(overdue_elsewhere=True)
        panel = panel.merge(ev, on=["entity_id", "month"], how="left")
        panel["overdue_elsewhere"] = panel["overdue_elsewhere"].fillna(False).astype(bool)
    if industry_monthly is not None:
        sub = entities[["entity_id", "sub_industry"]].astype({"sub_industry": "str"})
        shock = industry_monthly[["sub_industry", "month", "shock"]].astype({"sub_industry": "str"})
        panel = panel.merge(sub, on="entity_id", how="left").merge(shock, on=["sub_industry", "month"], how="left")
        panel = panel.drop(columns="sub_industry").rename(columns={"shock": "industry_shock"})
        panel["industry_shock"] = panel["industry_shock"].fillna(False).astype(bool)
    if guarantees is not None:
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
    entity_id: str = "entity_id",
    month: str = "month",
    sales_amount: str | None = "sales_amount",
    electricity_kwh: str | None = "electricity_kwh",
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
    entity_id, month : str
        主体编号、月份列。
    sales_amount, electricity_kwh, overdue_elsewhere, industry_shock, guarantee_trouble : str or None
        销售额（或账户流水）、用电（或用水）量和三个是/否标志的列；默认值即 :func:`warning_panel`
        输出的列名。
    window : int, default 6
        对比的历史月数。
    drop : float, default 0.3
        判定“下降”的幅度（0–1）。

    Returns
    -------
    DataFrame
        列 ``entity_id``、``month``（列名随参数）加五个信号列（bool），行顺序与输入一致。

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
    cols = [c for c in (sales_amount, electricity_kwh, overdue_elsewhere, industry_shock, guarantee_trouble) if c]
    check_frame(panel, [entity_id, month, *cols], name=name)
    window = check_int(window, "window", min_value=1)
    drop = check_number(drop, "drop", min_value=0, max_value=1)
    t = month_index(panel, month, frame=name)
    gid, _ = pd.factorize(panel[entity_id])
    order = np.lexsort((t, gid))
    if len(order) > 1 and ((gid[order][1:] == gid[order][:-1]) & (t[order][1:] == t[order][:-1])).any():
        raise RuralfinValueError(f"{name} 中同一主体（{entity_id}）在同一月份（{month}）出现了多行")
    n = len(panel)
    out = pd.DataFrame({entity_id: panel[entity_id].to_numpy(), month: panel[month].to_numpy()}, index=panel.index)

    def decline(col):
        v = numeric_column(panel, col, frame=name, allow_nan=True, min_value=0)
        res = np.zeros(n, dtype=bool)
        res[order] = _trailing_drop(v[order], gid[order], window, drop)
        return res

    def flag(col):
        s = panel[col]
        if pd.api.types.is_bool_dtype(s.dtype):
            return s.fillna(False).to_numpy(dtype=bool)
        v = numeric_column(panel, col, frame=name, allow_nan=True, min_value=0)
        return np.nan_to_num(v, nan=0.0) > 0

    out["sig_sales_decline"] = decline(sales_amount) if sales_amount else np.zeros(n, bool)
    out["sig_utility_decline"] = decline(electricity_kwh) if electricity_kwh else np.zeros(n, bool)
    out["sig_overdue_elsewhere"] = flag(overdue_elsewhere) if overdue_elsewhere else np.zeros(n, bool)
    out["sig_industry_shock"] = flag(industry_shock) if industry_shock else np.zeros(n, bool)
    out["sig_guarantee_trouble"] = flag(guarantee_trouble) if guarantee_trouble else np.zeros(n, bool)
    return out


def future_default_label(
    panel: pd.DataFrame,
    *,
    entity_id: str = "entity_id",
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
    entity_id, month : str
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
    check_frame(panel, [entity_id, month, default_month], name=name)
    horizon = check_int(horizon, "horizon", min_value=1)
    t = month_index(panel, month, frame=name)
    has = panel[default_month].notna().to_numpy()
    d = np.full(len(panel), np.iinfo("int64").max)
    if has.any():
        d[has] = month_index(panel.loc[has, [default_month]], default_month, frame=name)
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
        return v, df

    def fit(self, X: pd.DataFrame, y) -> EarlyWarningModel:
        """用历史信号 ``X`` 与未来违约标签 ``y``（0/1）拟合权重，返回 self。"""
        from sklearn.linear_model import LogisticRegression

        check_number(self.points_per_logit, "points_per_logit", min_value=1e-9)
        check_number(self.C, "C", min_value=1e-12)
        v, df = self._X(X, fitting=True)
        yv = self._binary_target(y, len(v), meaning=labels.text("early_warning.target_meaning"),
                                 missing_hint=labels.text("early_warning.target_missing_hint"))
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


def _to_period(index: np.ndarray) -> pd.PeriodIndex:
    """整数月序（年 × 12 + 月 − 1）-> 月度 Period。"""
    return pd.PeriodIndex.from_ordinals(np.asarray(index, dtype="int64") - 1970 * 12, freq="M")


def warning_lead_time(
    panel: pd.DataFrame,
    *,
    entity_id: str = "entity_id",
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
    entity_id, month, score, default_month : str
        主体编号、月份、预警分、违约月份列。
    threshold : float, default 1.0
        预警分达到多少算“亮灯”；须是有限的数、不高于 ``score`` 列的最高分（否则谁都不会亮灯）。
    lookback : int, default 12
        违约前回看的月数。

    Returns
    -------
    DataFrame
        一行一个违约主体：``entity_id``（列名随参数）、``default_month``、``first_warning_month``、
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
    check_frame(panel, [entity_id, month, score, default_month], name=name, numeric=[score])
    threshold = check_number(threshold, "threshold")
    lookback = check_int(lookback, "lookback", min_value=1)
    t = month_index(panel, month, frame=name)
    has = panel[default_month].notna().to_numpy()
    d = np.full(len(panel), -1, dtype="int64")
    if has.any():
        d[has] = month_index(panel.loc[has, [default_month]], default_month, frame=name)
    sc = numeric_column(panel, score, frame=name, allow_nan=True)
    top = np.nanmax(sc) if np.isfinite(sc).any() else np.nan
    if not threshold <= top:
        raise RuralfinValueError(
            f"参数 threshold={threshold:g} 高于 {name} 的列 {score} 的最高分 {top:g}（或该列全是缺失）："
            "没有任何主体会亮灯，提前期全是缺失；请选一个在预警分范围内的门槛"
        )
    work = pd.DataFrame({"e": panel[entity_id].to_numpy(), "t": t, "d": d, "s": sc})
    work = work[has]
    defaulters = work.groupby("e", sort=True)["d"].min()
    win = work[(work["t"] < work["d"]) & (work["t"] >= work["d"] - lookback) & (work["s"] >= threshold)]
    first = win.groupby("e")["t"].min().reindex(defaulters.index)
    lead = (defaulters - first).astype("Int64")
    first_p = pd.Series(pd.NaT, index=defaulters.index, dtype="period[M]")
    ok = first.notna()
    if ok.any():
        first_p[ok] = _to_period(first[ok].to_numpy())
    out = pd.DataFrame({
        entity_id: defaulters.index.to_numpy(),
        "default_month": _to_period(defaulters.to_numpy()),
        "first_warning_month": first_p.to_numpy(),
        "lead_time_months": lead.array,
        "warned": ok.to_numpy(),
    })
    return out


def lead_time_summary(lead_times: pd.DataFrame, *, lead_time: str = "lead_time_months") -> pd.DataFrame:
    """提前期分布：各提前月数的违约主体数与占违约主体的比例（含“未预警”一行，记为 ``missed``）。

    ``lead_time`` 列是 :func:`warning_lead_time` 的 ``lead_time_months``：不小于 0 的整数月数，
    缺失表示未预警；文字、小数、负数和无穷大报错。

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
    check_frame(lead_times, [lead_time], name="lead_times", numeric=[lead_time])
    v = numeric_column(lead_times, lead_time, frame="lead_times", allow_nan=True, min_value=0)
    known = v[~np.isnan(v)]
    if (known != np.round(known)).any():
        raise RuralfinValueError(f"lead_times 的列 {lead_time} 应为整数月数，发现小数（如 {known[known != np.round(known)][0]:g}）")
    counts = pd.Series(known.astype("int64")).value_counts().sort_index()
    rows = [(str(k), int(n)) for k, n in counts.items()]
    n_missed = int(np.isnan(v).sum())
    if n_missed:
        rows.append(("missed", n_missed))
    out = pd.DataFrame(rows, columns=["lead_time_months", "n_entities"])
    out["defaulter_share"] = out["n_entities"] / len(v)
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
    from ..plotting import get_ax

    summ = lead_time_summary(lead_times, lead_time=lead_time)
    ax = get_ax(ax, figsize=(7, 4.5))
    missed = labels.text("early_warning.missed")
    ticks = [(missed if k == "missed" else f"{k}") for k in summ["lead_time_months"]]
    ax.bar(ticks, summ["n_entities"], color=["#c0392b" if k == "missed" else "#2c7fb8"
                                            for k in summ["lead_time_months"]])
    ax.set_xlabel(labels.text("early_warning.lead_xlabel"))
    ax.set_ylabel(labels.text("early_warning.lead_ylabel"))
    ax.set_title(title or labels.text("early_warning.lead_title"))
    return ax
