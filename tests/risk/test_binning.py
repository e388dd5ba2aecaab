import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError as SkNotFittedError

from ruralfin import labels
from ruralfin.errors import RuralfinError, RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ruralfin.risk.binning import NotFittedError, WoEBinner, woe_iv


def small():
    X = pd.DataFrame(
        {
            "age": [22, 25, 28, 31, 34, 45, 48, 52, 58, 63],
            "crop": ["tea", "tea", "tea", "rice", "rice", "rice", "fruit", "tea", "fruit", "fruit"],
        }
    )
    y = pd.Series([1, 1, 0, 1, 0, 0, 0, 1, 0, 0])
    return X, y


# ---------------------------------------------------------------- 公式与约定


def test_woe_and_iv_worked_by_hand():
    X, y = small()
    b = WoEBinner(max_bins=2, min_bin_share=0.2).fit(X, y)
    t = b.binning_table("age")
    # 全体 4 坏 6 好；[-inf,34) 3 坏 1 好；[34,inf) 1 坏 5 好
    assert t["bin"].tolist() == ["[-inf, 34)", "[34, inf)", "missing"]
    assert t["n_obs"].tolist() == [4, 6, 0]
    assert t["n_bad"].tolist() == [3, 1, 0]
    assert t["n_good"].tolist() == [1, 5, 0]
    woe1 = np.log((3 / 4) / (1 / 6))
    woe2 = np.log((1 / 4) / (5 / 6))
    np.testing.assert_allclose(t["woe"], [woe1, woe2, 0.0])
    iv = (3 / 4 - 1 / 6) * woe1 + (1 / 4 - 5 / 6) * woe2
    assert b.iv_["age"] == pytest.approx(iv)
    assert t["iv"].sum() == pytest.approx(iv)
    np.testing.assert_allclose(t["bad_rate"].iloc[:2], [0.75, 1 / 6])
    np.testing.assert_allclose(t["obs_share"], [0.4, 0.6, 0.0])


def test_sign_convention_riskier_bin_has_positive_woe(credit):
    X, y = credit
    b = WoEBinner().fit(X, y)
    t = b.binning_table("age")
    reg = t[t["bin_type"] == "regular"]
    overall = y.mean()
    assert ((reg["woe"] > 0) == (reg["bad_rate"] > overall)).all()


def test_woe_iv_helper_matches_formula_and_smooths_empty_side():
    t = woe_iv([10, 30], [90, 70])
    np.testing.assert_allclose(t["woe"], [np.log(0.25 / 0.5625), np.log(0.75 / 0.4375)])
    assert t["iv"].sum() == pytest.approx(0.42186, abs=1e-5)
    t0 = woe_iv([0, 5], [5, 5])  # 第一箱没有坏样本：各加 0.5
    assert t0["woe"].iloc[0] == pytest.approx(np.log((0.5 / 5) / (5.5 / 10)))
    assert np.isfinite(t0["woe"]).all()
    with pytest.raises(RuralfinValueError, match="等长"):
        woe_iv([1, 2], [1])


# ---------------------------------------------------------------- 分箱规则


def _bad_rate_u_shape(n=20000, seed=1):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, n)
    p = 1 / (1 + np.exp(-(-2 + 0.6 * x**2)))
    y = (rng.random(n) < p).astype(int)
    return pd.DataFrame({"x": x}), y


@pytest.mark.parametrize("mode", ["ascending", "descending"])
def test_monotonic_bins_are_strictly_monotone(credit, mode):
    X, y = credit
    b = WoEBinner(monotonic=mode, max_bins=10, min_bin_share=0.02).fit(X, y)
    for f in ["age", "income"]:
        t = b.binning_table(f)
        rate = t.loc[t["bin_type"] == "regular", "bad_rate"].to_numpy()
        diffs = np.diff(rate)
        assert (diffs > 0).all() if mode == "ascending" else (diffs < 0).all(), (f, rate)
        assert b.bins_[f].trend == mode


def test_auto_picks_the_direction_with_larger_iv(credit):
    X, y = credit
    auto = WoEBinner(monotonic="auto").fit(X, y)
    asc = WoEBinner(monotonic="ascending").fit(X, y)
    desc = WoEBinner(monotonic="descending").fit(X, y)
    for f in ["age", "income"]:
        assert auto.iv_[f] == pytest.approx(max(asc.iv_[f], desc.iv_[f]))
    assert auto.bins_["age"].trend == "descending"  # 年龄越大风险越低（生成时的设定）


def test_no_monotonic_constraint_keeps_a_u_shape():
    X, y = _bad_rate_u_shape()
    free = WoEBinner(monotonic=None, max_bins=6).fit(X, y)
    rate = free.binning_table("x").query("bin_type == 'regular'")["bad_rate"].to_numpy()
    assert rate.argmin() not in (0, len(rate) - 1)  # 中间低、两头高
    mono = WoEBinner(monotonic="auto", max_bins=6).fit(X, y)
    assert free.iv_["x"] > mono.iv_["x"]
    assert free.bins_["x"].trend == "none"


def test_min_share_and_max_bins(credit):
    X, y = credit
    for max_bins, share in [(3, 0.05), (8, 0.1), (1, 0.05)]:
        b = WoEBinner(max_bins=max_bins, min_bin_share=share, monotonic=None).fit(X, y)
        for f in b.features_:
            t = b.binning_table(f)
            reg = t[t["bin_type"] == "regular"]
            assert 1 <= len(reg) <= max_bins
            if len(reg) > 1:
                assert (reg["n_obs"] >= share * len(X)).all(), (f, reg)


def test_missing_and_special_values_get_their_own_bins(credit):
    X, y = credit
    b = WoEBinner(special_values={"months": [-999]}).fit(X, y)
    t = b.binning_table("age")
    miss = t[t["bin_type"] == "missing"].iloc[0]
    assert miss["n_obs"] == X["age"].isna().sum()
    assert miss["n_bad"] == y[X["age"].isna()].sum()
    m = b.binning_table("months")
    sp = m[m["bin_type"] == "special"].iloc[0]
    assert sp["bin"] == "-999"
    assert sp["n_obs"] == (X["months"] == -999).sum()
    # 普通箱不再含 -999：第一箱从 -inf 开始但只含 1 以上的值
    reg_n = m.loc[m["bin_type"] == "regular", "n_obs"].sum()
    assert reg_n == (X["months"] != -999).sum()
    # 列表形式的特殊值对所有列生效（不存在的值给空箱、WoE 0）
    b2 = WoEBinner(special_values=[-999]).fit(X, y)
    a = b2.binning_table("age")
    assert a.loc[a["bin_type"] == "special", "n_obs"].tolist() == [0]
    assert a.loc[a["bin_type"] == "special", "woe"].tolist() == [0.0]
    out = b.set_output(transform="pandas").transform(X)
    assert (out.loc[X["months"] == -999, "months"] == sp["woe"]).all()
    assert (out.loc[X["age"].isna(), "age"] == miss["woe"]).all()


def test_rare_categories_are_merged(credit):
    X, y = credit
    b = WoEBinner(rare_share=0.03, min_bin_share=0.01, max_bins=10).fit(X, y)
    labels_ = b.binning_table("crop")["bin"].tolist()
    # herb 占 2%，低于 rare_share：不单独成箱
    assert "herb" not in labels_
    assert any("herb" in lb for lb in labels_)
    assert "fish" in labels_  # 6% 的类别保留


def test_categorical_dtype_and_str_give_the_same_bins(credit):
    X, y = credit
    a = WoEBinner().fit(X, y)
    Xc = X.assign(crop=X["crop"].astype("category"))
    c = WoEBinner().fit(Xc, y)
    pd.testing.assert_frame_equal(a.binning_table("crop"), c.binning_table("crop"))
    np.testing.assert_allclose(a.transform(X), c.transform(Xc))


def test_unseen_categories_and_out_of_range_values():
    X, y = small()
    new = pd.DataFrame({"age": [5.0, 99.0, np.inf, -np.inf, np.nan], "crop": ["corn", "tea", None, "rice", "corn"]})
    zero = WoEBinner(max_bins=2, min_bin_share=0.2).fit(X, y)
    out = zero.set_output(transform="pandas").transform(new)
    age = zero.binning_table("age")["woe"].to_numpy()
    assert out["age"].tolist() == [age[0], age[1], age[1], age[0], 0.0]  # 超出范围 → 首末箱；缺失箱无样本 → 0
    assert out.loc[0, "crop"] == 0.0  # 未见过的类别：WoE 0
    Xm = X.assign(crop=X["crop"].where(X.index != 2, None))
    miss = WoEBinner(max_bins=2, min_bin_share=0.05, handle_unknown="missing").fit(Xm, y)
    t = miss.binning_table("crop")
    missing_woe = t.loc[t["bin_type"] == "missing", "woe"].item()
    assert missing_woe != 0
    assert t.loc[t["bin_type"] == "unseen", "woe"].item() == missing_woe
    assert miss.transform(new.iloc[[0]])[0, 1] == missing_woe
    err = WoEBinner(handle_unknown="error").fit(X, y)
    with pytest.raises(RuralfinValueError, match="没见过的类别：corn"):
        err.transform(new)


def test_sklearn_workflow_set_output_and_feature_names(credit):
    X, y = credit
    train, test = X.iloc[:3000], X.iloc[3000:]
    b = WoEBinner(features=["age", "crop"]).fit(train, y.iloc[:3000])
    assert b.n_features_in_ == 4
    assert list(b.feature_names_in_) == list(X.columns)
    assert list(b.get_feature_names_out()) == ["age", "crop"]
    arr = b.transform(test)
    assert isinstance(arr, np.ndarray) and arr.shape == (1000, 2)
    out = b.set_output(transform="pandas").transform(test[["crop", "age", "months"]])  # 顺序不同、有多余列
    assert list(out.columns) == ["age", "crop"]
    assert out.index.equals(test.index)
    np.testing.assert_allclose(out.to_numpy(), arr)


def test_numpy_input_gets_x_names():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 2))
    y = (rng.random(200) < 0.3).astype(int)
    b = WoEBinner().fit(X, y)
    assert list(b.get_feature_names_out()) == ["x0", "x1"]
    assert not hasattr(b, "feature_names_in_")
    assert b.transform(X).shape == (200, 2)


def test_tables_are_numeric_and_labelled(credit):
    X, y = credit
    b = WoEBinner().fit(X, y)
    allt = b.binning_table()
    assert allt.columns[0] == "feature"
    assert set(allt["feature"]) == set(X.columns)
    for col in ["n_obs", "obs_share", "n_good", "n_bad", "bad_rate", "woe", "iv"]:
        assert pd.api.types.is_numeric_dtype(allt[col]), col
    ivt = b.iv_table()
    assert ivt["iv"].is_monotonic_decreasing
    assert pd.api.types.is_numeric_dtype(ivt["iv"])
    assert set(ivt["iv_strength"]) <= {"useless", "weak", "medium", "strong", "suspicious"}
    np.testing.assert_allclose(ivt.set_index("feature")["iv"].loc[b.features_], b.iv_.to_numpy())
    shown = labels.to_display(ivt)
    assert list(shown.columns) == ["特征", "特征类型", "箱数", "单调方向", "IV", "预测力"]
    assert set(shown["预测力"]) <= {"无用", "弱", "中", "强", "可疑"}
    for col in list(allt.columns) + list(ivt.columns):
        assert labels.is_registered(col), col


def test_single_class_target_warns_and_gives_zero_woe():
    X = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0]})
    with pytest.warns(RuralfinWarning, match="只有好样本"):
        b = WoEBinner().fit(X, [0, 0, 0, 0])
    assert (b.binning_table("x")["woe"] == 0).all()
    assert b.iv_["x"] == 0


def test_inputs_are_not_modified(credit):
    X, y = credit
    X0, y0 = X.copy(), y.copy()
    b = WoEBinner(special_values={"months": [-999]}).fit(X, y)
    b.transform(X)
    b.binning_table()
    pd.testing.assert_frame_equal(X, X0)
    pd.testing.assert_series_equal(y, y0)


# ---------------------------------------------------------------- 错误输入


def test_not_fitted_is_a_sklearn_and_ruralfin_error():
    b = WoEBinner()
    with pytest.raises(NotFittedError, match="还没有训练") as info:
        b.transform(pd.DataFrame({"x": [1]}))
    assert isinstance(info.value, SkNotFittedError)
    assert isinstance(info.value, RuralfinError)
    with pytest.raises(NotFittedError):
        b.binning_table("x")
    with pytest.raises(NotFittedError):
        b.iv_table()


@pytest.mark.parametrize(
    ("y", "error", "words"),
    [
        (None, RuralfinValueError, "需要目标变量 y"),
        ([0, 1, 2, 1], RuralfinValueError, "只能含 0 和 1"),
        ([0, 1, np.nan, 1], RuralfinValueError, "1 个缺失值"),
        (["good", "bad", "good", "bad"], RuralfinTypeError, "非数字的取值"),
        ([0, 1, 1], RuralfinValueError, "y 的长度 3 与 X 的行数 4 不一致"),
    ],
)
def test_bad_targets(y, error, words):
    X = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0]})
    with pytest.raises(error, match=words):
        WoEBinner().fit(X, y)


def test_bad_features_and_columns():
    X, y = small()
    with pytest.raises(RuralfinValueError, match="features 里这些列在 X 中没有：income"):
        WoEBinner(features=["age", "income"]).fit(X, y)
    with pytest.raises(RuralfinTypeError, match="列名列表"):
        WoEBinner(features="age").fit(X, y)
    b = WoEBinner().fit(X, y)
    with pytest.raises(RuralfinValueError, match="X 缺少训练时用过的列：crop"):
        b.transform(X[["age"]])
    with pytest.raises(RuralfinValueError, match="没有分箱特征 'income'"):
        b.binning_table("income")
    with pytest.raises(RuralfinTypeError, match="拟合时是数值"):
        b.transform(X.assign(age=[f"约{a}岁" for a in X["age"]]))
    # 文字形式的数字照样是数值：与原来的数值列得到同样的 WoE
    np.testing.assert_array_equal(b.transform(X.assign(age=X["age"].astype(str))), b.transform(X))
    with pytest.raises(RuralfinTypeError, match="DataFrame 或二维数组"):
        WoEBinner().fit("age", y)
    with pytest.raises(RuralfinValueError, match="空表"):
        WoEBinner().fit(X.iloc[:0], y.iloc[:0])


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"monotonic": "up"}, "monotonic 不认识取值 'up'"),
        ({"max_bins": 0}, "max_bins 应为 1 到 100"),
        ({"min_bin_share": 0.9}, "min_bin_share 应为 0 到 0.5"),
        ({"handle_unknown": "ignore"}, "handle_unknown 不认识"),
        ({"categorical": ["income"]}, "categorical 里这些列不在"),
    ],
)
def test_bad_parameters(params, words):
    X, y = small()
    with pytest.raises(RuralfinError, match=words):
        WoEBinner(**params).fit(X, y)


def test_numeric_codes_can_be_forced_categorical():
    X = pd.DataFrame({"industry": [1, 1, 2, 2, 3, 3, 1, 2, 3, 1] * 10})
    y = [1, 0, 0, 0, 1, 1, 1, 0, 1, 0] * 10
    b = WoEBinner(categorical=["industry"], min_bin_share=0.1).fit(X, y)
    assert b.bins_["industry"].kind == "categorical"
    assert sorted(b.bins_["industry"].levels) == [1, 2, 3]


def test_no_warnings_on_clean_fit(credit):
    X, y = credit
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        WoEBinner().fit(X, y).transform(X)


# ---------------------------------------------------------------- 文字混进数值列（issue 11 第 6 条）
def _export_like(token):
    """银行导出式的数值列：都是文字，其中两格是表示缺失的写法。"""
    rng = np.random.default_rng(11)
    age = rng.integers(20, 65, size=60).astype(float)
    y = pd.Series((rng.random(60) < 1 / (1 + np.exp((age - 40) / 6))).astype(int))
    text = pd.Series([f"{a:g}" for a in age], dtype=object)
    text.iloc[[3, 17]] = token
    clean = pd.Series(age).where(~text.index.isin([3, 17]))
    return pd.DataFrame({"age": text}), pd.DataFrame({"age": clean}), y


@pytest.mark.parametrize("token", ["N/A", "-", "暂无", "", "—", "无"])
def test_a_missing_token_does_not_turn_a_numeric_feature_categorical(token):
    X_text, X_clean, y = _export_like(token)
    with pytest.warns(RuralfinWarning, match="有 2 个值读不成数字.*已按缺失值处理"):
        b = WoEBinner(max_bins=3, min_bin_share=0.1).fit(X_text, y)
    ref = WoEBinner(max_bins=3, min_bin_share=0.1).fit(X_clean, y)
    assert b.bins_["age"].kind == "numeric"
    assert b.text_as_missing_ == {"age": 2}
    np.testing.assert_array_equal(b.bins_["age"].splits, ref.bins_["age"].splits)
    pd.testing.assert_frame_equal(b.binning_table("age"), ref.binning_table("age"))
    assert b.binning_table("age").set_index("bin").loc["missing", "n_obs"] == 2
    # 训练中没出现过的干净数字落进所在区间，不是 WoE 0
    new = pd.DataFrame({"age": [40.5, 64.5, 19.0]})
    np.testing.assert_array_equal(b.transform(new), ref.transform(new))
    assert (b.transform(new) != 0).all()


def test_only_mostly_numeric_text_columns_count_as_numeric():
    X_text, _, y = _export_like("暂无")
    junk = X_text.copy()
    junk.iloc[:6, 0] = "不清楚"  # 6 个错字 / 58 个非缺失 ≈ 10%：不算“基本是数字”，仍按类别
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuralfinWarning)
        assert WoEBinner().fit(junk, y).bins_["age"].kind == "categorical"
    one = X_text.copy()
    one.iloc[0, 0] = "约30"  # 1 个错字 / 58（< 5%）：按数值，错字也按缺失并警告
    with pytest.warns(RuralfinWarning, match="3 个值读不成数字"):
        b = WoEBinner().fit(one, y)
    assert b.bins_["age"].kind == "numeric" and b.text_as_missing_ == {"age": 3}
    # 明确列入 categorical 的文字数字仍是类别
    assert WoEBinner(categorical=["age"]).fit(X_text, y).bins_["age"].kind == "categorical"


def test_transform_treats_missing_tokens_as_missing_with_a_warning():
    X_text, X_clean, y = _export_like("N/A")
    with pytest.warns(RuralfinWarning):
        b = WoEBinner(max_bins=3, min_bin_share=0.1).fit(X_text, y)
    new = pd.DataFrame({"age": ["暂无", "33", " 50 "]})
    with pytest.warns(RuralfinWarning, match="列 age 是数值特征，但有 1 个值读不成数字"):
        got = b.transform(new)
    t = b.binning_table("age").set_index("bin")
    assert got[0, 0] == t.loc["missing", "woe"]
    np.testing.assert_array_equal(got[1:], b.transform(pd.DataFrame({"age": [33.0, 50.0]})))


def test_prebins_are_bounded():
    X, y = small()
    with pytest.raises(RuralfinValueError, match="n_prebins 应为 1 到 1000"):
        WoEBinner(n_prebins=10**8).fit(X, y)
    with pytest.raises(RuralfinValueError, match="max_bins 应为 1 到 100"):
        WoEBinner(max_bins=10**6).fit(X, y)


def test_woe_iv_rejects_missing_and_text_counts():
    with pytest.raises(RuralfinValueError, match="n_bad 有 1 个缺失或无穷大"):
        woe_iv([np.nan, 3], [5, 5])
    with pytest.raises(RuralfinTypeError, match="n_good 应为一组数字"):
        woe_iv([1, 3], ["暂无", 5])


def test_feature_lists_of_the_wrong_type_get_chinese_errors():
    """features=12345 曾是 TypeError: 'int' object is not iterable（issue 11）。"""
    X = pd.DataFrame({"age": [30, 40, 50, 60] * 10})
    y = [0, 1] * 20
    with pytest.raises(RuralfinTypeError, match="参数 features 应为文字（字符串）的列表，实际是 int：12345"):
        WoEBinner(features=12345).fit(X, y)
    with pytest.raises(RuralfinTypeError, match="参数 categorical 的第 1 个元素应为文字（字符串），实际是 int：1"):
        WoEBinner(categorical=[1]).fit(X, y)
