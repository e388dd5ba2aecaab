"""性质测试（hypothesis）：分箱不因怪数据崩溃；单调箱一定单调；分数严格等于公式。"""

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ruralfin.errors import RuralfinWarning
from ruralfin.risk.binning import WoEBinner
from ruralfin.risk.scorecard import Scorecard

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

weird_floats = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from([0.0, 1.0, -999.0, np.nan, np.inf, -np.inf]),
)


@st.composite
def weird_frame(draw):
    n = draw(st.integers(1, 60))
    kind = draw(st.sampled_from(["random", "constant", "all_missing", "few_values"]))
    if kind == "random":
        x = draw(arrays(np.float64, n, elements=weird_floats))
    elif kind == "constant":
        x = np.full(n, draw(st.floats(-1e6, 1e6)))
    elif kind == "all_missing":
        x = np.full(n, np.nan)
    else:
        x = draw(arrays(np.float64, n, elements=st.sampled_from([1.0, 2.0, np.nan])))
    cats = draw(st.lists(st.sampled_from(["a", "b", "c", None]), min_size=n, max_size=n))
    y = draw(arrays(np.int64, n, elements=st.integers(0, 1)))
    return pd.DataFrame({"x": x, "c": pd.Series(cats, dtype="str")}), y


@SETTINGS
@given(data=weird_frame(), monotonic=st.sampled_from(["auto", "ascending", "descending", None]),
       max_bins=st.integers(1, 8), share=st.sampled_from([0.0, 0.05, 0.3]))
def test_binning_never_crashes_and_accounts_for_every_row(data, monotonic, max_bins, share):
    X, y = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuralfinWarning)  # 单一类别目标的提示
        b = WoEBinner(monotonic=monotonic, max_bins=max_bins, min_bin_share=share,
                      special_values={"x": [-999.0]}).fit(X, y)
    out = b.transform(X)
    assert out.shape == (len(X), 2)
    assert np.isfinite(out).all()
    for f in ["x", "c"]:
        t = b.binning_table(f)
        assert t["n_obs"].sum() == len(X)
        assert t["n_bad"].sum() == y.sum()
        assert np.isfinite(t["woe"]).all()
        assert (t.loc[t["bin_type"] == "regular", "n_obs"].count()) <= max_bins
    if y.min() == y.max():  # 单一类别：文档约定 WoE 全为 0
        assert (out == 0).all()
    if X["x"].isna().all():  # 全缺失：所有行进缺失箱
        t = b.binning_table("x")
        assert t.loc[t["bin_type"] == "missing", "n_obs"].item() == len(X)


@SETTINGS
@given(seed=st.integers(0, 10_000), n=st.integers(50, 2000), mode=st.sampled_from(["ascending", "descending"]),
       max_bins=st.integers(2, 12), prebins=st.integers(2, 40))
def test_monotonic_bins_are_monotone(seed, n, mode, max_bins, prebins):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n).round(rng.integers(0, 3))
    y = (rng.random(n) < 1 / (1 + np.exp(-np.sin(3 * x)))).astype(int)
    b = WoEBinner(monotonic=mode, max_bins=max_bins, n_prebins=prebins, min_bin_share=0.0).fit(
        pd.DataFrame({"x": x}), y
    )
    t = b.binning_table("x")
    reg = t[t["bin_type"] == "regular"]
    woe = reg["woe"].to_numpy()
    if 0 < y.sum() < n:
        d = np.diff(reg["bad_rate"].to_numpy())
        assert (d > 0).all() if mode == "ascending" else (d < 0).all()
        dw = np.diff(woe)
        assert (dw >= 0).all() if mode == "ascending" else (dw <= 0).all()


@SETTINGS
@given(seed=st.integers(0, 10_000), base=st.floats(300, 900), odds=st.floats(1, 100), pdo=st.floats(5, 80),
       decimals=st.sampled_from([None, 0, 2]))
def test_points_add_up_to_the_formula(seed, base, odds, pdo, decimals):
    rng = np.random.default_rng(seed)
    n = 400
    X = pd.DataFrame({
        "a": rng.normal(size=n),
        "b": np.where(rng.random(n) < 0.1, np.nan, rng.normal(size=n)),
        "c": pd.Series(rng.choice(["p", "q", "r"], n), dtype="str"),
    })
    y = (rng.random(n) < 1 / (1 + np.exp(-(X["a"] - 1)))).astype(int)
    y[:2] = [0, 1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuralfinWarning)  # 负系数提示
        card = Scorecard(WoEBinner(min_bin_share=0.1), base_points=base, base_odds=odds, pdo=pdo,
                         decimals=decimals).fit(X, y)
    pts = card.predict_points(X)
    # 1) 分数 = 基础分 + 表里各箱得分（逐项相加，完全相等）
    t = card.scorecard_table()
    total = np.full(n, t.iloc[0]["points"])
    for f in card.features_:
        total = total + t.loc[t["feature"] == f, "points"].to_numpy()[card.binner_._bin_index(X[f], f)]
    np.testing.assert_array_equal(pts, total)
    # 2) 分数 = offset + factor × ln(好坏比)（不取整时到浮点精度；取整时误差不超过各项取整误差之和）
    p_bad = card.predict_proba(X)[:, 1]
    formula = base - pdo / np.log(2) * np.log(odds) + pdo / np.log(2) * np.log((1 - p_bad) / p_bad)
    tol = 1e-8 * max(1.0, abs(base)) if decimals is None else 0.5 * 10.0 ** -decimals * (len(card.features_) + 1)
    assert np.abs(pts - formula).max() <= tol + 1e-9
