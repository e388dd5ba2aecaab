"""审批决策：评分段 × 偿债比段决策矩阵、拒绝与转人工的原因（含不利因素）、评分切分点的取舍。

对应课程第四部分途径二 (4) 的审批部分：:class:`DecisionMatrix` 与 :func:`decide` 给出
通过 / 人工复核 / 拒绝和中文原因（自动化决策须说明理由，见 COMPLIANCE.md）；
:func:`cutoff_table` 与 :func:`plot_cutoff_tradeoff` 比较不同切分点下的通过率、坏账率与利润。
所有函数接收 DataFrame、返回新表，不修改输入。评分段、单位经济等默认值都是**教学示意**。
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import (bool_column, check_frame, check_instance, check_int, check_number, fmt_list, numeric_column,
                           score_vector, value_or_column)
from ..economics.pricing import PRICING_EXAMPLE
from ..errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning
from .preapproval import Rule, check_rules

__all__ = [
    "DecisionMatrix",
    "top_adverse_factors",
    "decide",
    "cutoff_table",
    "plot_cutoff_tradeoff",
]

#: 审批建议的代码（中文名见标签登记处 ``auto_decision``）。
_ACTIONS = ("approve", "refer", "decline")



@dataclass(frozen=True)
class DecisionMatrix:
    """审批决策矩阵：评分段 × 偿债比段 → 通过 approve / 人工复核 refer / 拒绝 decline。

    Parameters
    ----------
    score_cuts : sequence of float
        评分分段点，升序。``[600, 680]`` 分成三段：<600、600–680、≥680（分数等于分段点
        归入较高一段）。分数刻度取决于本行评分卡，没有通用默认值。
    dsr_cuts : sequence of float, default (0.4, 0.6)
        偿债比分段点，升序。``(0.4, 0.6)`` 分成 ≤40%、40%–60%、>60%（等于分段点归入较低
        一段）。默认值是教学示意。
    actions : sequence of sequence of str, optional
        行 = 评分段（由低到高），列 = 偿债比段（由低到高），取值 approve / refer / decline。
        不给时用 3×3 示意矩阵::

                       ≤40%     40%–60%   >60%
            低分段     拒绝      拒绝      拒绝
            中分段     人工复核  人工复核  拒绝
            高分段     通过      通过      人工复核

    Examples
    --------
    >>> m = DecisionMatrix(score_cuts=[600, 680])
    >>> m.to_frame()
    dsr_band     ≤40% 40%–60%    >60%
    score_band
    <600      decline decline decline
    600–680     refer   refer decline
    ≥680      approve approve   refer
    """

    score_cuts: Sequence[float]
    dsr_cuts: Sequence[float] = (0.4, 0.6)
    actions: Sequence[Sequence[str]] | None = None
    _checked: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self):
        sc = self._cuts(self.score_cuts, "score_cuts")
        dc = self._cuts(self.dsr_cuts, "dsr_cuts", min_value=0)
        if self.actions is None:
            if len(sc) != 2 or len(dc) != 2:
                raise RuralfinValueError(
                    "示意矩阵是 3×3 的：score_cuts 与 dsr_cuts 各给 2 个分段点，或自己给出 actions"
                )
            acts = (("decline",) * 3, ("refer", "refer", "decline"), ("approve", "approve", "refer"))
        else:
            check_instance(self.actions, (), "actions", items=(list, tuple))
            for i, row in enumerate(self.actions):
                check_instance(row, (), f"actions[{i}]", items=str)
            acts = tuple(tuple(row) for row in self.actions)
            if len(acts) != len(sc) + 1 or any(len(row) != len(dc) + 1 for row in acts):
                raise RuralfinValueError(
                    f"actions 应为 {len(sc) + 1} 行（评分段）× {len(dc) + 1} 列（偿债比段），"
                    f"实际是 {len(acts)} 行 × {[len(r) for r in acts]} 列"
                )
            bad = sorted({a for row in acts for a in row if a not in _ACTIONS})
            if bad:
                raise RuralfinValueError(f"actions 里有不认识的决定：{fmt_list(bad)}；可选：approve、refer、decline")
        object.__setattr__(self, "score_cuts", sc)
        object.__setattr__(self, "dsr_cuts", dc)
        object.__setattr__(self, "actions", acts)

    @staticmethod
    def _cuts(cuts, name, min_value=None) -> tuple[float, ...]:
        if isinstance(cuts, (str, bytes)) or not isinstance(cuts, Iterable):
            raise RuralfinTypeError(f"参数 {name} 应为升序的分段点列表，实际是 {cuts!r}")
        vals = tuple(check_number(c, name, min_value=min_value) for c in cuts)
        if not vals:
            raise RuralfinValueError(f"参数 {name} 至少要有一个分段点")
        if any(b <= a for a, b in zip(vals, vals[1:])):
            raise RuralfinValueError(f"参数 {name} 应严格升序，实际是 {list(vals)}")
        return vals

    @property
    def score_labels(self) -> list[str]:
        c = self.score_cuts
        return [f"<{c[0]:g}"] + [f"{a:g}–{b:g}" for a, b in zip(c, c[1:])] + [f"≥{c[-1]:g}"]

    @property
    def dsr_labels(self) -> list[str]:
        c = [f"{x * 100:g}%" for x in self.dsr_cuts]
        return [f"≤{c[0]}"] + [f"{a}–{b}" for a, b in zip(c, c[1:])] + [f">{c[-1]}"]

    def to_frame(self) -> pd.DataFrame:
        """矩阵本身（行评分段、列偿债比段），便于展示和核对。"""
        return pd.DataFrame(
            [list(r) for r in self.actions],
            index=pd.Index(self.score_labels, name="score_band"),
            columns=pd.Index(self.dsr_labels, name="dsr_band"),
        )

    def band_codes(self, score: np.ndarray, dsr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """评分段、偿债比段的序号（0 起）；缺失为 -1。"""
        s = np.searchsorted(np.asarray(self.score_cuts), score, side="right")
        d = np.searchsorted(np.asarray(self.dsr_cuts), dsr, side="left")
        s = np.where(np.isnan(score), -1, s)
        d = np.where(np.isnan(dsr), -1, d)
        return s, d


def top_adverse_factors(
    points: pd.DataFrame,
    *,
    max_points: Mapping[str, float] | pd.Series | pd.DataFrame | None = None,
    n: int = 3,
    exclude: Sequence[str] = ("base_points", "points"),
) -> pd.DataFrame:
    """每个申请人最不利的 ``n`` 个因素：该特征得分比它的最高可得分少得最多的。

    适用于任何评分卡：只要给出“每个申请人在每个特征上的得分”（行 = 申请人，列 = 特征，
    值 = 分数，例如评分卡的逐特征得分）。差距 = 该特征最高分 − 本人得分；差距为 0 的特征
    不算不利因素。并列时按列顺序。

    Parameters
    ----------
    points : DataFrame
        逐特征得分，不会被修改；可直接用 ``Scorecard.points_breakdown(X)`` 的输出
        （基础分、总分两列按 ``exclude`` 自动略过）。
    max_points : mapping, Series or DataFrame, optional
        各特征的最高可得分：字典/Series（特征 → 最高分），或评分卡表
        （含 ``feature``、``points`` 两列，如 ``Scorecard.scorecard_table()``，取每个特征
        各箱得分的最大值）。不给时用 ``points`` 中该列的最大值——只有当样本里有人落在
        最好的箱时，它才等于评分卡上的最高分。
    n : int, default 3
        列出几个因素。
    exclude : sequence of str, default ("base_points", "points")
        不算作特征的列。

    Returns
    -------
    DataFrame
        与 ``points`` 同索引，列 ``factor_1``…``factor_n``（特征名，不足时为缺失）、
        ``shortfall_1``…``shortfall_n``（差距分数）和 ``adverse_factors``（中文说明，特征
        名取自标签登记处）。

    Examples
    --------
    >>> import pandas as pd
    >>> pts = pd.DataFrame({"years_in_business": [10, 40], "credit_inquiries_6m": [5, 30],
    ...                     "owns_house": [20, 20]})
    >>> top_adverse_factors(pts, max_points={"years_in_business": 40, "credit_inquiries_6m": 30,
    ...                                      "owns_house": 20}, n=2)[["factor_1", "shortfall_1", "factor_2"]]
                factor_1  shortfall_1             factor_2
    0  years_in_business         30.0  credit_inquiries_6m
    1                NaN          NaN                  NaN
    """
    from .. import labels

    check_frame(points, [], name="points", allow_empty=True)
    n = check_int(n, "n", min_value=1, max_value=100)
    check_instance(exclude, str, "exclude", items=str)
    if isinstance(exclude, str):
        exclude = [exclude]
    cols = [c for c in points.columns if c not in set(exclude)]
    points = points[cols]
    check_frame(points, cols, name="points", numeric=cols, allow_empty=True)
    shortfall_t = labels.text("decisions.factor_shortfall")
    # 逐特征得分不许缺失、无穷大：缺了一项就说不清哪个因素最不利
    v = (np.column_stack([numeric_column(points, c, frame="points") for c in cols]) if cols
         else np.empty((len(points), 0)))
    if max_points is None:
        mx = np.nanmax(np.where(np.isnan(v), -np.inf, v), axis=0) if len(v) else np.zeros(len(cols))
    else:
        if isinstance(max_points, pd.DataFrame):
            check_frame(max_points, ["feature", "points"], name="max_points", numeric=["points"])
            # 评分卡表的基础分一行（intercept）没有各箱得分以外的含义，缺失照常跳过
            mp = max_points.groupby("feature", observed=True)["points"].max()
        elif isinstance(max_points, (pd.Series, Mapping)):
            mp = max_points if isinstance(max_points, pd.Series) else pd.Series(dict(max_points), dtype="object")
        else:
            raise RuralfinTypeError(f"参数 max_points 应为字典、Series 或评分卡表，实际是 {type(max_points).__name__}")
        missing = [c for c in cols if c not in mp.index]
        if missing:
            raise RuralfinValueError(f"max_points 缺少这些特征的最高分：{fmt_list(missing)}")
        mx = score_vector(mp.reindex(cols), name="max_points")
    short = mx[None, :] - v
    short = np.where(np.isnan(short), 0.0, short)
    order = np.argsort(-short, axis=1, kind="stable")
    out = pd.DataFrame(index=points.index)
    k = min(n, len(cols))
    texts = [[] for _ in range(len(points))]
    for j in range(n):
        names = np.full(len(points), None, dtype=object)
        gaps = np.full(len(points), np.nan)
        if j < k:
            idx = order[:, j]
            g = short[np.arange(len(points)), idx]
            has = g > 1e-12
            for i in np.flatnonzero(has):
                names[i] = cols[idx[i]]
                gaps[i] = g[i]
                texts[i].append(shortfall_t.format(factor=labels.label(cols[idx[i]], unit=False), gap=g[i]))
        out[f"factor_{j + 1}"] = pd.array(names, dtype="str")
        out[f"shortfall_{j + 1}"] = gaps
    out = out[[f"factor_{j + 1}" for j in range(n)] + [f"shortfall_{j + 1}" for j in range(n)]]
    out["adverse_factors"] = pd.array(["、".join(t) for t in texts], dtype="str")
    return out


def decide(
    df: pd.DataFrame,
    matrix: DecisionMatrix,
    *,
    score: str = "points",
    dsr: str = "dsr",
    rules: Sequence[Rule | tuple | Mapping] | None = None,
    points: pd.DataFrame | None = None,
    max_points: Mapping[str, float] | pd.Series | None = None,
    n_factors: int = 3,
) -> pd.DataFrame:
    """审批决策：先过硬性规则，再查评分段 × 偿债比段矩阵，给出决定与中文原因。

    - 硬性规则（``rules``，格式同 :class:`~ruralfin.risk.preapproval.Rule`）任何一条不满足 → 拒绝，原因写明规则。
    - 评分或偿债比缺失 → 人工复核，并给出中文警告（逐行处理：输出里照样保留这些缺失值）。
      规则列缺失按该条规则的 ``missing`` 处理；规则列、评分列有无穷大时报错。
    - 偿债比为 ``inf``（收入为 0，见 :func:`~ruralfin.risk.limits.debt_service_ratio`）→ 无法计算偿债比，按
      **最高的偿债比段**查矩阵：该格是拒绝就拒绝，是人工复核就转人工；该格即使是通过，
      也只转人工复核——收入为 0 的申请不自动通过。原因写“收入为 0，无法计算偿债比”，
      原因代码 ``no_income``。
    - 其余按 ``matrix`` 的格子决定。被拒或转人工时，原因写明是评分太低（该评分段不论
      偿债比多低都不通过）、偿债比太高（该偿债比段不论评分多高都不通过），还是两者组合。
    - 给出 ``points``（逐特征得分，与 ``df`` 同索引）时，拒绝和转人工的原因里再列出
      差距最大的 ``n_factors`` 个不利因素（见 :func:`top_adverse_factors`）。

    Parameters
    ----------
    df : DataFrame
        一行一笔申请，不会被修改。
    matrix : DecisionMatrix
        决策矩阵。
    score, dsr : str
        评分列（默认 ``points``，即 ``Scorecard.predict_points`` 的总分）、偿债比列（小数，
        可用 :func:`~ruralfin.risk.limits.debt_service_ratio` 计算）。
    rules : list, optional
        硬性拒绝规则（规则成立才可继续，不成立即拒绝）。
    points : DataFrame, optional
        逐特征得分。
    max_points : mapping or Series, optional
        各特征最高分；见 :func:`top_adverse_factors`。
    n_factors : int, default 3
        列出几个不利因素。

    Returns
    -------
    DataFrame
        输入的副本，新增 ``score_band``、``dsr_band``、``auto_decision``（approve 通过 /
        refer 人工复核 / decline 拒绝；不叫 ``decision``，以免覆盖申请表里的历史审批结果）、``reason_codes``（机器可读，用“;”连接：``rule:列名``、``score_low``、
        ``dsr_high``、``score_dsr``、``no_income``、``missing_score``、``missing_dsr``、
        ``factor:特征名``）
        和 ``decision_reasons``（中文原因；通过时为空）。

    Examples
    --------
    >>> import pandas as pd
    >>> apps = pd.DataFrame({"points": [700, 650, 550, 700], "dsr": [0.3, 0.7, 0.2, 0.3],
    ...                      "court_cases": [0, 0, 0, 2]})
    >>> m = DecisionMatrix(score_cuts=[600, 680])
    >>> out = decide(apps, m, rules=[("court_cases", "==", 0, "有涉诉记录")])
    >>> out[["auto_decision", "reason_codes"]]
      auto_decision    reason_codes
    0  approve
    1  decline         score_dsr
    2  decline         score_low
    3  decline  rule:court_cases
    >>> print(out.loc[1, "decision_reasons"])
    评分 650（600–680 段）与偿债比 70%（>60% 段）的组合不予通过
    >>> print(out.loc[2, "decision_reasons"])
    评分 550 过低（<600 段不论偿债比高低都不予通过）
    """
    if not isinstance(matrix, DecisionMatrix):
        raise RuralfinTypeError(f"参数 matrix 应为 DecisionMatrix，实际是 {type(matrix).__name__}")
    from .. import labels

    check_frame(df, [score, dsr], name="df")
    sc = numeric_column(df, score, param="score", frame="df", allow_nan=True)
    # 偿债比为 inf 表示收入为 0（见 debt_service_ratio），下面单独处理
    ds = numeric_column(df, dsr, param="dsr", frame="df", allow_nan=True, allow_inf=True, min_value=0)
    n_factors = check_int(n_factors, "n_factors", min_value=1, max_value=100)
    for col, values in ((score, sc), (dsr, ds)):
        n_missing = int(np.isnan(values).sum())
        if n_missing:
            warnings.warn(f"df 的列 {col} 有 {n_missing} 个缺失值：这些申请一律转人工复核（原因代码 missing_"
                          f"{'score' if col == score else 'dsr'}）", RuralfinWarning, stacklevel=2)
    chk = check_rules(df, rules) if rules is not None else None
    factors = None
    if points is not None:
        if not isinstance(points, pd.DataFrame):
            raise RuralfinTypeError(f"参数 points 应为 DataFrame（行 = 申请，列 = 特征得分），实际是 {type(points).__name__}")
        if not points.index.equals(df.index):
            missing = df.index.difference(points.index)
            if len(missing):
                raise RuralfinValueError(
                    f"points 的索引应与 df 一致：缺少 {len(missing)} 个申请（如 {fmt_list(missing[:5])}）"
                )
            points = points.loc[df.index]
        factors = top_adverse_factors(points, max_points=max_points, n=n_factors)

    sb, db = matrix.band_codes(sc, ds)
    acts = np.array(matrix.actions, dtype=object)
    n_s, n_d = acts.shape
    row_all_decline = (acts == "decline").all(axis=1)
    col_all_decline = (acts == "decline").all(axis=0)
    decision, codes, reasons = [], [], []
    s_labels, d_labels = matrix.score_labels, matrix.dsr_labels
    T = {k: labels.text(f"decisions.{k}") for k in (
        "rule_failed", "score_missing", "dsr_missing", "refer_suffix", "score_low", "no_income", "no_income_band",
        "dsr_high", "score_dsr", "verb_decline", "verb_transfer", "verb_refer", "adverse")}
    for i in range(len(df)):
        c, r = [], []
        if chk is not None and not chk["rules_passed"].iat[i]:
            act = "decline"
            c += [f"rule:{x}" for x in chk["failed_rules"].iat[i].split(";")]
            r.append(T["rule_failed"].format(reasons=chk["failed_reasons"].iat[i]))
        elif sb[i] < 0 or db[i] < 0:
            act = "refer"
            if sb[i] < 0:
                c.append("missing_score")
                r.append(T["score_missing"])
            if db[i] < 0:
                c.append("missing_dsr")
                r.append(T["dsr_missing"])
            r[-1] += T["refer_suffix"]
        elif np.isinf(ds[i]):  # 收入为 0：按最高偿债比段处理，且不自动通过
            act = acts[sb[i], db[i]]
            if act == "approve":
                act = "refer"
            if act == "decline" and row_all_decline[sb[i]]:
                c.append("score_low")
                r.append(T["score_low"].format(score=sc[i], band=s_labels[sb[i]]))
                r.append(T["no_income"])
            else:
                verb = T["verb_decline"] if act == "decline" else T["verb_transfer"]
                r.append(T["no_income_band"].format(band=d_labels[db[i]], verb=verb))
            c.append("no_income")
        else:
            act = acts[sb[i], db[i]]
            if act != "approve":
                if row_all_decline[sb[i]] and act == "decline":
                    c.append("score_low")
                    r.append(T["score_low"].format(score=sc[i], band=s_labels[sb[i]]))
                elif col_all_decline[db[i]] and act == "decline":
                    c.append("dsr_high")
                    r.append(T["dsr_high"].format(dsr=ds[i] * 100, band=d_labels[db[i]]))
                else:
                    c.append("score_dsr")
                    verb = T["verb_decline"] if act == "decline" else T["verb_refer"]
                    r.append(T["score_dsr"].format(score=sc[i], score_band=s_labels[sb[i]], dsr=ds[i] * 100,
                                                   dsr_band=d_labels[db[i]], verb=verb))
        if act != "approve" and factors is not None and factors["adverse_factors"].iat[i]:
            for j in range(n_factors):
                f = factors[f"factor_{j + 1}"].iat[i]
                if isinstance(f, str):
                    c.append(f"factor:{f}")
            r.append(T["adverse"].format(factors=factors["adverse_factors"].iat[i]))
        decision.append(act)
        codes.append(";".join(c))
        reasons.append("；".join(r))

    out = df.copy()
    out["score_band"] = pd.Categorical.from_codes(np.where(sb < 0, -1, sb), categories=s_labels, ordered=True)
    out["dsr_band"] = pd.Categorical.from_codes(np.where(db < 0, -1, db), categories=d_labels, ordered=True)
    out["auto_decision"] = pd.Categorical(decision, categories=list(_ACTIONS))
    out["reason_codes"] = pd.array(codes, dtype="str")
    out["decision_reasons"] = pd.array(reasons, dtype="str")
    return out


# ---------------------------------------------------------------------------
# 切分点取舍
# ---------------------------------------------------------------------------
def cutoff_table(
    df: pd.DataFrame,
    *,
    score: str = "points",
    prob_default: str = "prob_default",
    outcome: str | None = None,
    requested_amount: str | float = 10.0,
    cutoffs: Sequence[float] | None = None,
    contract_rate: float = 6.0,
    ftp_rate: float = PRICING_EXAMPLE["ftp_rate"],
    opex_rate: float = PRICING_EXAMPLE["opex_rate"],
    lgd: float = PRICING_EXAMPLE["lgd"],
    risk_weight: float = PRICING_EXAMPLE["risk_weight"],
    capital_ratio: float = PRICING_EXAMPLE["capital_ratio"],
    hurdle_rate: float = PRICING_EXAMPLE["hurdle_rate"],
) -> pd.DataFrame:
    """切分点取舍表：切分点上移下移时，通过率、预期坏账率、实际坏账率与预期利润怎么变。

    评分不低于切分点即通过。单位经济（一年期、教学简化，参数可改）：

    - 资本成本率 = 风险权重 × 资本充足率要求 × 股东要求回报率（与定价、RAROC 同一口径）；
    - 好客户一年利润 = 金额 × (利率 − 资金成本 − 运营成本 − 资本成本)，即扣除资本成本后的
      “经济利润”，大于 0 才算达到股东要求的回报；
    - 坏客户损失 = 金额 × (资金成本 + 运营成本 + 资本成本 + LGD)，即假设坏客户不付息、损失
      本金的 LGD 部分且照样占用资金、资本和运营成本；
    - 预期利润 = Σ 金额 × [(1 − PD) × 净利差 − PD × 坏客户损失率]。

    资金成本、运营成本、LGD、风险权重、资本充足率、股东要求回报的默认值就是课程统一的
    定价假设 :data:`ruralfin.economics.PRICING_EXAMPLE`（教学示意，不是监管规定），与
    :func:`ruralfin.economics.raroc` 和 :func:`ruralfin.economics.break_even_rate` 相同；
    利率默认 6% 只是示意，请传入本行这类贷款的实际平均执行利率。

    Parameters
    ----------
    df : DataFrame
        一行一笔申请，不会被修改。
    score : str, default "points"
        评分列（越高越好）。
    prob_default : str, default "prob_default"
        模型预测的违约概率（0–1）。
    outcome : str, optional
        实际是否变坏（0/1 或 True/False），给出时加算实际坏账率与实际利润；
        缺失的行（如被拒未放款）不计入实际口径。
    requested_amount : str or float, default 10.0
        每笔金额（万元），一个数（每笔相同）或一列（如申请表的 ``requested_amount``）。
    cutoffs : sequence of float, optional
        要比较的切分点；不给时取评分的 0%、5%、…、95% 分位数（去重）。
    contract_rate, ftp_rate, opex_rate : float
        年利率、资金成本率（FTP）、运营成本率，年化百分数（6.0 表示 6%）；名字与
        :mod:`ruralfin.economics` 的定价参数相同。
    lgd : float, default 0.5
        违约损失率，0–1 的小数。
    risk_weight, capital_ratio, hurdle_rate : float
        风险权重、资本充足率要求、股东要求回报率，0–1 的小数（默认 75%、10.5%、12%，
        风险权重未经核实）；三者相乘就是每元贷款的资本成本率。

    Returns
    -------
    DataFrame
        一行一个切分点：``cutoff``、``n_approved``、``approval_rate``、``expected_bad_rate``
        （通过者的平均 PD）、``expected_profit``（万元）；给出 ``outcome`` 时再加
        ``actual_bad_rate``、``actual_profit``。

    Examples
    --------
    >>> import pandas as pd
    >>> apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01],
    ...                      "bad": [1, 0, 0, 0]})
    >>> tab = cutoff_table(apps, outcome="bad", cutoffs=[550, 650])
    >>> tab[["cutoff", "approval_rate", "expected_bad_rate", "expected_profit", "actual_profit"]].round(3)
       cutoff  approval_rate  expected_bad_rate  expected_profit  actual_profit
    0   550.0           0.75              0.053           -0.340          0.556
    1   650.0           0.50              0.030            0.035          0.371

    扣除资本成本后每笔好客户赚 10 × (6% − 2% − 1.2% − 0.945%) ≈ 0.19 万元；PD 为 10% 的那笔
    预期亏损 10 × (0.9 × 1.855% − 0.1 × 54.145%) ≈ 0.37 万元，把切分点从 550 提到 650 反而多赚。
    """
    cols = [score, prob_default] + ([outcome] if outcome else []) + (
        [requested_amount] if isinstance(requested_amount, str) else [])
    check_frame(df, cols, name="df")
    # 三个利率都是一个数（年化百分数），不是列
    rate = value_or_column(None, contract_rate, "contract_rate", kind="rate_pct", min_value=0.0,
                           max_value=36.0) / 100
    fc = value_or_column(None, ftp_rate, "ftp_rate", kind="rate_pct", min_value=0.0, max_value=100.0) / 100
    oc = value_or_column(None, opex_rate, "opex_rate", kind="rate_pct", min_value=0.0, max_value=100.0) / 100
    lgd = check_number(lgd, "lgd", min_value=0, max_value=1)
    capital_cost = (check_number(risk_weight, "risk_weight", min_value=0, max_value=15)
                    * check_number(capital_ratio, "capital_ratio", min_value=0, max_value=1)
                    * check_number(hurdle_rate, "hurdle_rate", min_value=0, max_value=1))
    sc = numeric_column(df, score, param="score", frame="df")
    pdv = numeric_column(df, prob_default, param="prob_default", frame="df", min_value=0, max_value=1)
    amt = value_or_column(df, requested_amount, "requested_amount", frame="df", min_value=0)
    y = None
    if outcome:
        known = df[outcome].notna().to_numpy()
        y = np.where(known, bool_column(df, outcome, param="outcome", frame="df").astype(float), np.nan)
    if cutoffs is None:
        cuts = np.unique(np.quantile(sc, np.linspace(0, 0.95, 20)))
    else:
        if isinstance(cutoffs, (str, bytes)) or not isinstance(cutoffs, Iterable):
            raise RuralfinTypeError(f"参数 cutoffs 应为切分点列表，实际是 {cutoffs!r}")
        cuts = np.array([check_number(c, "cutoffs") for c in cutoffs])
    margin = rate - fc - oc - capital_cost
    loss = fc + oc + capital_cost + lgd
    exp_profit_each = amt * ((1 - pdv) * margin - pdv * loss)
    rows = []
    for c in cuts:
        ok = sc >= c
        n_ok = int(ok.sum())
        row = {
            "cutoff": float(c),
            "n_approved": n_ok,
            "approval_rate": n_ok / len(df),
            "expected_bad_rate": float(pdv[ok].mean()) if n_ok else np.nan,
            "expected_profit": float(exp_profit_each[ok].sum()),
        }
        if y is not None:
            known = ok & ~np.isnan(y)
            yk = y[known]
            row["actual_bad_rate"] = float(yk.mean()) if known.any() else np.nan
            row["actual_profit"] = float((amt[known] * np.where(yk == 1, -loss, margin)).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def plot_cutoff_tradeoff(table: pd.DataFrame, *, ax=None, title: str | None = None):
    """画切分点取舍图：上图通过率与坏账率，下图利润，横轴都是评分切分点。

    通过率在 0–100% 之间，而坏账率通常只有几个百分点，挤在同一刻度上会变成贴着
    0 的平线，所以分开画：

    - 上图左轴：通过率（%，0–100）；
    - 上图右轴：预期坏账率，以及（表里有时）实际坏账率（%，刻度按坏账率自身范围，从 0 起）；
    - 下图：预期利润，以及（表里有时）实际利润（万元），灰线为 0。

    Parameters
    ----------
    table : DataFrame
        :func:`cutoff_table` 的输出；给了 ``outcome`` 的表含 ``actual_bad_rate``、
        ``actual_profit``，会一并画出。
    ax : matplotlib Axes, optional
        画在哪个 Axes 上；不给则新建一张图。下图从这个 Axes 的区域里划出（上下各一半左右）。
    title : str, optional
        图标题（写在上图）。

    Returns
    -------
    matplotlib Axes
        上图（通过率）的 Axes，即传入的 ``ax``。另两个 Axes 挂在它上面：
        ``ax.bad_rate_ax``（上图右侧的坏账率轴）和 ``ax.profit_ax``（下图利润）。

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> apps = pd.DataFrame({"points": [500, 600, 700, 800], "prob_default": [0.4, 0.1, 0.05, 0.01],
    ...                      "bad": [1, 0, 0, 0]})
    >>> ax = plot_cutoff_tradeoff(cutoff_table(apps, outcome="bad", cutoffs=[550, 650, 750]))
    >>> len(ax.get_lines()), len(ax.bad_rate_ax.get_lines()), ax.profit_ax.get_ylabel()
    (1, 2, '利润（万元）')
    >>> plt.close("all")
    """
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    from ..labels import label, text
    from ..plotting import get_ax

    need = ["cutoff", "approval_rate", "expected_bad_rate", "expected_profit"]
    check_frame(table, need, name="table", numeric=need)
    numeric_column(table, "cutoff", frame="table")
    numeric_column(table, "approval_rate", frame="table", min_value=0, max_value=1)
    numeric_column(table, "expected_profit", frame="table")
    # 没有人通过的切分点，坏账率是缺失（画成断点）；无穷大、超出 0–1 的报错
    for c in ("expected_bad_rate", "actual_bad_rate"):
        if c in table.columns:
            numeric_column(table, c, frame="table", allow_nan=True, min_value=0, max_value=1)
    if "actual_profit" in table.columns:
        numeric_column(table, "actual_profit", frame="table", allow_nan=True)
    ax = get_ax(ax, figsize=(8, 6.5))
    x = table["cutoff"].to_numpy(dtype=float)
    has_actual_bad = "actual_bad_rate" in table.columns
    has_actual_profit = "actual_profit" in table.columns

    # 下图从 ax 的区域里划出；右轴要跟着同一个定位器，否则会盖满原来的整块区域
    profit_ax = make_axes_locatable(ax).append_axes("bottom", size="80%", pad=0.35, sharex=ax)
    bad_ax = ax.twinx()
    bad_ax.set_axes_locator(ax.get_axes_locator())

    ax.plot(x, table["approval_rate"] * 100, color="tab:blue", marker="o", label=label("approval_rate"))
    ax.set_ylim(0, 105)
    ax.set_ylabel(text("decisions.approval_rate_axis"))
    ax.tick_params(labelbottom=False)

    bad_ax.plot(x, table["expected_bad_rate"] * 100, color="tab:red", marker="s",
                label=label("expected_bad_rate"))
    if has_actual_bad:
        bad_ax.plot(x, table["actual_bad_rate"] * 100, color="tab:red", marker="^", linestyle="--",
                    label=label("actual_bad_rate"))
    bad_ax.set_ylim(bottom=0)
    bad_ax.set_ylabel(text("decisions.bad_rate_axis"), color="tab:red")
    bad_ax.tick_params(axis="y", colors="tab:red")
    bad_ax.spines["right"].set_visible(True)
    bad_ax.grid(False)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = bad_ax.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper right", fontsize="small")  # 各线随切分点上移而下降，右上角通常空着
    ax.set_title(text("decisions.cutoff_title") if title is None else title)

    profit_ax.axhline(0, color="gray", linewidth=0.8)
    profit_ax.plot(x, table["expected_profit"], color="tab:green", marker="d", label=label("expected_profit", unit=False))
    if has_actual_profit:
        profit_ax.plot(x, table["actual_profit"], color="tab:green", marker="^", linestyle="--",
                       label=label("actual_profit", unit=False))
    profit_ax.set_ylabel(text("decisions.profit_axis"))
    profit_ax.set_xlabel(label("cutoff"))
    profit_ax.legend(loc="best", fontsize="small")

    ax.bad_rate_ax = bad_ax
    ax.profit_ax = profit_ax
    return ax

