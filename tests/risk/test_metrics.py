import numpy as np
import pandas as pd
import pytest
from scipy.stats import ks_2samp
from sklearn.metrics import roc_auc_score

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.binning import WoEBinner, csi
from ruralfin.risk.metrics import (
    IV_THRESHOLDS,
    PSI_THRESHOLDS,
    auc,
    gains_table,
    gini,
    iv_strength,
    ks_statistic,
    psi,
    psi_stability,
    psi_table,
)


@pytest.fixture(scope="module")
def scored():
    rng = np.random.default_rng(3)
    y = (rng.random(3000) < 0.2).astype(int)
    prob = 1 / (1 + np.exp(-(rng.normal(size=3000) + 1.2 * y - 1.5)))
    return y, prob


def test_thresholds_follow_facts():
    assert IV_THRESHOLDS == (0.02, 0.1, 0.3, 0.5)
    assert PSI_THRESHOLDS == (0.1, 0.25)
    assert list(iv_strength([0.0, 0.019, 0.02, 0.099, 0.1, 0.29, 0.3, 0.5, 0.500001])) == [
        "useless", "useless", "weak", "weak", "medium", "medium", "strong", "strong", "suspicious",
    ]
    assert list(psi_stability([0.0, 0.099, 0.1, 0.25, 0.2501])) == ["stable", "stable", "moderate", "moderate", "shift"]
    assert labels.value_label("psi_stability", "shift") == "显著漂移"
    assert labels.value_label("iv_strength", "suspicious") == "可疑"


def test_ks_by_hand_and_against_scipy(scored):
    assert ks_statistic([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == pytest.approx(0.5)
    y, prob = scored
    ref = ks_2samp(prob[y == 1], prob[y == 0]).statistic
    assert ks_statistic(y, prob) == pytest.approx(ref)
    assert ks_statistic(y, -prob) == pytest.approx(ref)  # 与方向无关


def test_auc_gini_and_direction(scored):
    y, prob = scored
    a = auc(y, prob)
    assert a == pytest.approx(roc_auc_score(y, prob))
    points = 600 - 50 * np.log(prob / (1 - prob))
    assert auc(y, points, higher_is_safer=True) == pytest.approx(a)
    assert auc(y, points) == pytest.approx(1 - a)
    assert gini(y, prob) == pytest.approx(2 * a - 1)


def test_gains_table_by_hand():
    t = gains_table([1, 1, 0, 1, 0, 0, 0, 0], [9, 8, 7, 6, 5, 4, 3, 2], n_bands=4)
    assert t["n_obs"].tolist() == [2, 2, 2, 2]
    assert t["n_bad"].tolist() == [2, 1, 0, 0]
    np.testing.assert_allclose(t["cum_bad_share"], [2 / 3, 1, 1, 1])
    np.testing.assert_allclose(t["cum_good_share"], [0, 0.2, 0.6, 1])
    np.testing.assert_allclose(t["lift"], [1 / (3 / 8), 0.5 / (3 / 8), 0, 0])
    np.testing.assert_allclose(t["ks"], [2 / 3, 0.8, 0.4, 0])
    assert t["score_max"].tolist() == [9, 7, 5, 3]
    # 评分卡分数（越高越安全）：把分数取负得到同一张表
    t2 = gains_table([1, 1, 0, 1, 0, 0, 0, 0], [-9, -8, -7, -6, -5, -4, -3, -2], n_bands=4, higher_is_safer=True)
    np.testing.assert_allclose(t2["cum_bad_share"], t["cum_bad_share"])
    for col in t.columns:
        assert pd.api.types.is_numeric_dtype(t[col]), col
        assert labels.is_registered(col), col


def test_gains_ks_reaches_ks_statistic_with_fine_bands(scored):
    y, prob = scored
    t = gains_table(y, prob, n_bands=10)
    assert len(t) == 10
    assert t["n_obs"].sum() == len(y)
    assert t["cum_bad_share"].iloc[-1] == pytest.approx(1.0)
    assert t["bad_rate"].iloc[0] > t["bad_rate"].iloc[-1]
    assert t["ks"].max() <= ks_statistic(y, prob) + 1e-12
    fine = gains_table(y, prob, n_bands=len(y))
    assert fine["ks"].max() == pytest.approx(ks_statistic(y, prob))


def test_psi_by_hand_and_thresholds():
    t = psi_table([1, 2, 3, 4], [1, 1, 1, 4], bins=[2.5])
    np.testing.assert_allclose(t["expected_share"], [0.5, 0.5])
    np.testing.assert_allclose(t["actual_share"], [0.75, 0.25])
    expected = 0.25 * np.log(1.5) + (-0.25) * np.log(0.5)
    assert psi([1, 2, 3, 4], [1, 1, 1, 4], bins=[2.5]) == pytest.approx(expected)
    assert psi_stability(expected) == "shift"
    rng = np.random.default_rng(0)
    a = rng.normal(size=5000)
    assert psi(a, a) == 0.0
    assert psi(a, rng.normal(size=5000)) < 0.1
    assert psi(a, rng.normal(0.5, 1, 5000)) > 0.1


def test_psi_empty_bin_is_smoothed_and_categories_work():
    t = psi_table([1, 1, 2, 2], [1, 1, 1, 1], bins=[1.5])
    np.testing.assert_allclose(t["actual_n"], [4, 0])
    np.testing.assert_allclose(t["actual_share"], [4.5 / 5, 0.5 / 5])
    assert np.isfinite(t["psi"]).all()
    c = psi_table(["rice", "tea", "tea", None], ["rice", "rice", "tea", "fish"])
    assert c["bin"].tolist() == ["rice", "tea", "fish", "missing"]
    assert c["expected_n"].tolist() == [1, 2, 0, 1]


def test_csi_with_binner_matches_psi_of_bins():
    rng = np.random.default_rng(1)
    dev = pd.DataFrame({"x": rng.normal(size=2000), "crop": rng.choice(["a", "b", "c"], 2000)})
    y = (rng.random(2000) < 0.3).astype(int)
    new = pd.DataFrame({"x": rng.normal(0.8, 1, 2000), "crop": rng.choice(["a", "b", "c"], 2000)})
    b = WoEBinner().fit(dev, y)
    out = csi(dev, new, binner=b)
    assert out["feature"].tolist() == ["x", "crop"]
    assert out.loc[0, "psi_stability"] != "stable"
    assert out.loc[1, "psi_stability"] == "stable"
    t = b.binning_table("x")
    reg = t["bin_type"] == "regular"
    idx_new = np.searchsorted(b.bins_["x"].splits, new["x"], side="right")
    act = np.bincount(idx_new, minlength=reg.sum()) / len(new)
    exp = t.loc[reg, "obs_share"].to_numpy()
    assert out.loc[0, "csi"] == pytest.approx(((act - exp) * np.log(act / exp)).sum())
    plain = csi(dev, new, bins=5)
    assert set(plain["feature"]) == {"x", "crop"}


def test_bad_inputs():
    with pytest.raises(RuralfinValueError, match="只能含 0 和 1"):
        ks_statistic([0, 2, 1], [0.1, 0.2, 0.3])
    with pytest.raises(RuralfinValueError, match="y_true 的长度 3 与 y_score 的长度 2 不一致"):
        auc([0, 1, 1], [0.1, 0.2])
    with pytest.raises(RuralfinValueError, match="两类都要出现"):
        auc([0, 0, 0], [0.1, 0.2, 0.3])
    with pytest.raises(RuralfinValueError, match="y_score 有 1 个缺失或无穷大的值"):
        gini([0, 1, 1], [0.1, np.nan, 0.3])
    with pytest.raises(RuralfinTypeError, match="y_score 应为一组数字"):
        gains_table([0, 1], ["a", "b"])
    with pytest.raises(RuralfinValueError, match="缺少列：x"):
        csi(pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1]}), features=["x"])
    with pytest.raises(RuralfinTypeError, match="WoEBinner"):
        csi(pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1]}), binner="b")


def test_inputs_unchanged():
    e = pd.Series([1.0, 2.0, np.nan, 4.0])
    a = pd.Series([1.0, 1.0, 3.0, 4.0])
    e0, a0 = e.copy(), a.copy()
    psi_table(e, a, bins=2)
    pd.testing.assert_series_equal(e, e0)
    pd.testing.assert_series_equal(a, a0)


# ---------------------------------------------------------------- 坏输入（issue 11 第 7 条）
@pytest.mark.parametrize("bad", [np.nan, np.inf, [0.1, np.nan]])
def test_iv_strength_does_not_grade_missing_or_infinite_iv(bad):
    with pytest.raises(RuralfinValueError, match="有限|缺失或无穷大"):
        iv_strength(bad)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -0.1, [0.05, np.nan]])
def test_psi_stability_does_not_read_nan_as_a_shift(bad):
    with pytest.raises(RuralfinValueError, match="有限|缺失或无穷大|不小于 0"):
        psi_stability(bad)


def test_iv_strength_and_psi_stability_reject_text():
    with pytest.raises(RuralfinTypeError, match="iv 应为数字"):
        iv_strength("abc")
    with pytest.raises(RuralfinTypeError, match="value 应为数字"):
        psi_stability("abc")


@pytest.mark.parametrize("bad", [None, "yes", 1, 0.0])
def test_higher_is_safer_must_be_a_bool(bad):
    y, s = [0, 0, 1, 1], [700, 620, 640, 560]
    for f in (auc, gini, gains_table):
        with pytest.raises(RuralfinTypeError, match="higher_is_safer 应为 True 或 False"):
            f(y, s, higher_is_safer=bad)
    assert auc(y, s, higher_is_safer=True) == 0.75
    assert auc(y, s, higher_is_safer=np.bool_(True)) == 0.75


@pytest.mark.parametrize("bins", [0, 10**6, "abc", 2.5, [np.nan], [1.0, np.inf], [[1, 2]]])
def test_psi_bins_must_be_a_count_or_finite_cut_points(bins):
    with pytest.raises((RuralfinTypeError, RuralfinValueError), match="bins"):
        psi([1, 2, 3, 4], [1, 1, 3, 4], bins=bins)
    with pytest.raises((RuralfinTypeError, RuralfinValueError), match="bins"):
        csi(pd.DataFrame({"x": [1, 2, 3, 4]}), pd.DataFrame({"x": [1, 1, 3, 4]}), bins=bins) if np.ndim(bins) == 0 \
            else psi_table([1, 2, 3, 4], [1, 1, 3, 4], bins=bins)
