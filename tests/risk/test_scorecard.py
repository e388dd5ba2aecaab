import math
import sqlite3
import warnings

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinError, RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ruralfin.risk.binning import NotFittedError, WoEBinner
from ruralfin.risk.scorecard import Scorecard



@pytest.fixture(scope="module")
def card_and_data(credit_factory):
    X, y = credit_factory(4000, seed=0)
    binner = WoEBinner(special_values={"months": [-999]})
    card = Scorecard(binner).fit(X, y)
    return card, X, y


def odd_rows(X):
    """测试集：缺失、特殊值、超出训练范围、未见过的类别。"""
    extra = pd.DataFrame(
        {
            "age": [np.nan, 5.0, 120.0, 40.0],
            "income": [12.0, np.nan, 1e6, -3.0],
            "crop": pd.Series(["rice", "corn", None, "herb"], dtype="str"),
            "months": [-999.0, np.nan, 0.0, 1000.0],
        }
    )
    return pd.concat([X.iloc[:300], extra], ignore_index=True)


def test_scaling_constants_by_hand(card_and_data):
    card, X, y = card_and_data
    factor = 20 / math.log(2)
    assert card.factor_ == pytest.approx(28.853901, abs=1e-6)
    assert card.offset_ == pytest.approx(600 - factor * math.log(50))
    assert card.offset_ == pytest.approx(487.123, abs=1e-3)
    assert card.base_score_ == pytest.approx(card.offset_ - factor * card.intercept_)


def test_points_follow_the_formula_and_direction(card_and_data):
    card, X, y = card_and_data
    pts = card.predict_points(X)
    p_bad = card.predict_proba(X)[:, 1]
    formula = card.offset_ + card.factor_ * np.log((1 - p_bad) / p_bad)
    np.testing.assert_allclose(pts, formula, rtol=0, atol=1e-9)
    from scipy.stats import spearmanr

    assert spearmanr(pts, p_bad).statistic == pytest.approx(-1.0)  # 分数越高越安全
    # 好坏比翻倍 ⇔ 加 PDO 分
    odds = (1 - p_bad) / p_bad
    i, j = np.argmin(odds), np.argmax(odds)
    assert pts[j] - pts[i] == pytest.approx(20 * math.log2(odds[j] / odds[i]))
    # 危险的箱得分低
    t = card.scorecard_table()
    reg = t[(t["feature"] == "age") & (t["bin_type"] == "regular")]
    assert np.corrcoef(reg["woe"], reg["points"])[0, 1] < 0


def test_points_add_up_to_the_table(card_and_data):
    card, X, y = card_and_data
    t = card.scorecard_table()
    assert t.iloc[0]["feature"] == "intercept" and t.iloc[0]["points"] == card.base_score_
    breakdown = card.points_breakdown(X.head(50))
    manual = np.full(50, card.base_score_)
    for f in card.features_:
        idx = card.binner_._bin_index(X[f].head(50), f)
        pts_f = t.loc[t["feature"] == f, "points"].to_numpy()[idx]
        np.testing.assert_array_equal(breakdown[f].to_numpy(), pts_f)
        manual = manual + pts_f
    np.testing.assert_array_equal(breakdown["points"].to_numpy(), manual)
    for col in ["n_obs", "bad_rate", "woe", "coefficient", "points"]:
        assert pd.api.types.is_numeric_dtype(t[col]), col


def test_rounded_card_is_what_you_print(credit_factory):
    X, y = credit_factory(2000, seed=2)
    card = Scorecard(decimals=0).fit(X, y)
    t = card.scorecard_table()
    assert (t["points"] == t["points"].round()).all()
    pts = card.predict_points(X)
    assert (pts == np.round(pts)).all()
    p_bad = card.predict_proba(X)[:, 1]
    formula = card.offset_ + card.factor_ * np.log((1 - p_bad) / p_bad)
    assert np.abs(pts - formula).max() <= 0.5 * (len(card.features_) + 1)


def test_sql_points_equal_python_points_on_sqlite(card_and_data):
    card, X, y = card_and_data
    test = odd_rows(X)
    test.insert(0, "customer_id", [f"C{i:05d}" for i in range(len(test))])
    con = sqlite3.connect(":memory:")
    test.to_sql("applications", con, index=False)
    sql = card.to_sql("applications", keep_columns=["customer_id"])
    got = pd.read_sql_query(sql, con)
    assert got["customer_id"].tolist() == test["customer_id"].tolist()
    np.testing.assert_array_equal(got["points"].to_numpy(), card.predict_points(test))
    # 只要表达式
    expr = card.to_sql(None)
    got2 = pd.read_sql_query(f"SELECT {expr} AS s FROM applications", con)
    np.testing.assert_array_equal(got2["s"].to_numpy(), card.predict_points(test))
    con.close()


def test_sql_quotes_odd_names_and_values():
    X = pd.DataFrame({"农户 \"类型\"": ["o'brien", "tea", "tea", "o'brien", "rice", "rice"] * 20})
    y = [1, 0, 0, 1, 0, 1] * 20
    card = Scorecard(WoEBinner(min_bin_share=0.1)).fit(X, y)
    con = sqlite3.connect(":memory:")
    X.to_sql("t", con, index=False)
    got = pd.read_sql_query(card.to_sql("t", points_column="分数"), con)
    np.testing.assert_array_equal(got["分数"].to_numpy(), card.predict_points(X))


def test_to_excel_writes_chinese_sheets_and_refuses_to_overwrite(card_and_data, tmp_path):
    card, X, y = card_and_data
    path = tmp_path / "scorecard.xlsx"
    assert card.to_excel(path, X=X, y=y) == str(path)
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["评分卡", "刻度参数", "IV汇总", "分箱明细", "区分度", "gains表"]
    assert list(sheets["评分卡"].columns[:3]) == ["特征", "分箱", "箱类型"]
    assert sheets["评分卡"].iloc[0, 0] == "基础分"
    assert "得分（分）" in sheets["评分卡"].columns
    assert sheets["刻度参数"].iloc[0].tolist() == ["基准分", 600]
    assert sheets["区分度"].columns.tolist() == ["KS", "AUC", "Gini 系数"]
    with pytest.raises(RuralfinValueError, match="已存在；如确需覆盖，请传入 overwrite=True"):
        card.to_excel(path)
    card.to_excel(path, overwrite=True)
    assert list(pd.read_excel(path, sheet_name=None)) == ["评分卡", "刻度参数", "IV汇总", "分箱明细"]
    with pytest.raises(RuralfinValueError, match=".xlsx"):
        card.to_excel(tmp_path / "card.csv")
    with pytest.raises(RuralfinValueError, match="要么都给"):
        card.to_excel(tmp_path / "b.xlsx", X=X)


def test_prefit_binner_is_used_as_is(credit_factory):
    X, y = credit_factory(2000, seed=4)
    binner = WoEBinner(max_bins=3).fit(X, y)
    card = Scorecard(binner, prefit=True).fit(X, y)
    assert card.binner_ is binner
    fresh = Scorecard(WoEBinner(max_bins=3)).fit(X, y)
    np.testing.assert_allclose(card.predict_points(X), fresh.predict_points(X))
    with pytest.raises(NotFittedError, match="还没有训练"):
        Scorecard(WoEBinner(), prefit=True).fit(X, y)
    with pytest.raises(RuralfinTypeError, match="WoEBinner"):
        Scorecard("binner").fit(X, y)


def test_unpenalised_matches_statsmodels_logit(credit_factory):
    import statsmodels.api as sm

    X, y = credit_factory(3000, seed=5)
    card = Scorecard(C=np.inf).fit(X, y)
    W = pd.DataFrame(card.binner_.transform(X), columns=card.features_)
    res = sm.Logit(y.to_numpy(), sm.add_constant(W)).fit(disp=0)
    np.testing.assert_allclose(card.coef_, res.params[card.features_].to_numpy(), rtol=1e-3, atol=1e-4)
    assert card.intercept_ == pytest.approx(res.params["const"], abs=1e-4)


def test_negative_coefficient_warns():
    rng = np.random.default_rng(7)
    n = 20000
    z1 = rng.normal(size=n)
    z2 = 0.9 * z1 + np.sqrt(1 - 0.81) * rng.normal(size=n)
    y = (rng.random(n) < 1 / (1 + np.exp(-(-1.5 + 2.0 * z1 - 1.2 * z2)))).astype(int)
    X = pd.DataFrame({"z1": z1, "z2": z2})
    with pytest.warns(RuralfinWarning, match="系数为负：z2"):
        Scorecard(C=np.inf).fit(X, y)


def test_predict_methods_and_score_is_not_points(card_and_data):
    card, X, y = card_and_data
    proba = card.predict_proba(X.head(10))
    np.testing.assert_allclose(proba.sum(axis=1), 1)
    assert list(card.classes_) == [0, 1]
    assert set(card.predict(X)) <= {0, 1}
    np.testing.assert_allclose(card.decision_function(X.head(10)), np.log(proba[:, 1] / proba[:, 0]))
    assert 0 <= card.score(X, y) <= 1  # scikit-learn 的准确率，不是分数


def test_errors_and_not_fitted(credit_factory):
    X, y = credit_factory(500, seed=6)
    with pytest.raises(NotFittedError) as info:
        Scorecard().predict_points(X)
    assert isinstance(info.value, RuralfinError)
    for method in ["scorecard_table", "to_sql"]:
        with pytest.raises(NotFittedError):
            getattr(Scorecard(), method)()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuralfinWarning)  # 目标先查：不会先去分箱、再警告“只有好样本”
        with pytest.raises(RuralfinValueError, match="两类都要出现"):
            Scorecard().fit(X, np.zeros(len(X), dtype=int))
    with pytest.raises(RuralfinValueError, match="需要目标变量 y"):
        Scorecard().fit(X)
    with pytest.raises(RuralfinValueError, match="发现其他取值：2"):
        Scorecard().fit(X, y + 1)
    with pytest.raises(RuralfinValueError, match="pdo 应为正数"):
        Scorecard(pdo=-20).fit(X, y)
    with pytest.raises(RuralfinValueError, match="base_odds 应为正数"):
        Scorecard(base_odds=0).fit(X, y)
    card = Scorecard().fit(X, y)
    with pytest.raises(RuralfinValueError, match="缺少训练时用过的列：crop"):
        card.predict_points(X.drop(columns="crop"))


def test_inputs_unchanged_and_labels_registered(card_and_data):
    card, X, y = card_and_data
    X0, y0 = X.copy(), y.copy()
    Scorecard().fit(X, y).predict_points(X)
    pd.testing.assert_frame_equal(X, X0)
    pd.testing.assert_series_equal(y, y0)
    for col in list(card.scorecard_table().columns) + ["base_points"]:
        assert labels.is_registered(col, table="scorecard"), col


def test_sql_points_equal_python_points_for_every_county_applicant(county):
    """issue 5：在 sqlite 里用 to_sql() 算的分数，与 Python 的 predict_points 对示范县每一笔申请都相同。"""
    apps = county["applications"]
    features = ["manager_visit_score", "max_dpd_24m", "credit_inquiries_6m", "deposit_avg_6m",
                "flow_trend_6m", "social_security_months", "operator_age", "channel", "purpose"]
    dev = apps[(apps["sample"] == "development") & apps["bad_12m"].notna()]
    card = Scorecard(WoEBinner(max_bins=5)).fit(dev[features], dev["bad_12m"].astype(int))
    expected = card.predict_points(apps[features])

    table = apps[["application_id", *features]].copy()
    for col in ("channel", "purpose"):
        table[col] = table[col].astype("str").where(apps[col].notna(), None)
    for col in ("manager_visit_score", "max_dpd_24m", "social_security_months"):
        table[col] = table[col].astype("float64")
    con = sqlite3.connect(":memory:")
    table.to_sql("applications", con, index=False)
    got = pd.read_sql(card.to_sql("applications", keep_columns=["application_id"]), con)
    con.close()
    assert len(got) == len(apps)
    merged = pd.DataFrame({"application_id": apps["application_id"], "py": expected}).merge(got, on="application_id")
    assert len(merged) == len(apps)
    np.testing.assert_allclose(merged["points"].to_numpy(float), merged["py"].to_numpy(float), rtol=0, atol=1e-9)


# ---------------------------------------------------------------- 坏参数与“暂无”（issue 11）
def _toy():
    X = pd.DataFrame({"age": [22, 25, 28, 31, 34, 45, 48, 52, 58, 63] * 3})
    y = [1, 1, 0, 1, 0, 0, 0, 1, 0, 0] * 3
    return X, y


@pytest.mark.parametrize(
    ("params", "err", "words"),
    [
        ({"C": np.nan}, RuralfinValueError, "C 应为有限的数"),
        ({"C": -1}, RuralfinValueError, "C 应为正数"),
        ({"C": 0}, RuralfinValueError, "C 应为正数"),
        ({"C": "abc"}, RuralfinTypeError, "C 应为正数"),
        ({"C": [1, 2]}, RuralfinTypeError, "C 应为正数"),
        ({"tol": np.inf}, RuralfinValueError, "tol 应为有限的数"),
        ({"tol": -1}, RuralfinValueError, "tol 应为不小于 0"),
        ({"tol": "abc"}, RuralfinTypeError, "tol 应为数字"),
        ({"class_weight": "even"}, RuralfinTypeError, "class_weight"),
        ({"class_weight": {0: 1, 2: 1}}, RuralfinValueError, "class_weight 的键只能是 0 和 1"),
        ({"class_weight": {0: 1, 1: -2}}, RuralfinValueError, r"class_weight\[1\] 应为正数"),
        ({"max_iter": 10**9}, RuralfinValueError, "max_iter 应为 1 到 100000"),
    ],
)
def test_bad_regression_parameters_get_a_chinese_error(params, err, words):
    X, y = _toy()
    with pytest.raises(err, match=words):
        Scorecard(WoEBinner(max_bins=2), **params).fit(X, y)


def test_unregularised_and_weighted_fits_still_work():
    X, y = _toy()
    assert Scorecard(WoEBinner(max_bins=2), C=np.inf).fit(X, y).coef_[0] > 0
    assert Scorecard(WoEBinner(max_bins=2), class_weight={0: 1, 1: 3}).fit(X, y).coef_[0] > 0


def test_a_text_cell_in_a_numeric_column_keeps_the_scorecard_numeric():
    X, y = _toy()
    text = X.assign(age=X["age"].astype(str).where(X.index != 4, "暂无"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        card = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(text, y)
    ours = [w for w in caught if issubclass(w.category, RuralfinWarning) and "读不成数字" in str(w.message)]
    assert len(ours) == 1 and "1 个值" in str(ours[0].message)  # 只警告一次
    ref = Scorecard(WoEBinner(max_bins=2), decimals=0).fit(X.assign(age=X["age"].where(X.index != 4)), y)
    assert card.binner_.bins_["age"].kind == "numeric"
    pd.testing.assert_frame_equal(card.scorecard_table(), ref.scorecard_table())
    # 训练中没出现过的干净数字按所在区间打分（不是 0 分的“未见过的类别”）
    new = pd.DataFrame({"age": [23.5, 61.0]})
    pd.testing.assert_series_equal(card.predict_points(new), ref.predict_points(new))
    assert card.points_breakdown(new)["age"].ne(0).all()
