"""五个学习型模型的共同约定（issue 10 第 5 项，见 ``ruralfin.risk._base``）。

- 没训练就用：每个预测、转换、打分、报表方法都抛出本库的 NotFittedError（中文信息），
  ``except rf.RuralfinError`` 和 scikit-learn 的 ``NotFittedError`` 都接得住；
- ``predict_points`` 在所有模型上都返回索引与 X 相同的 Series；
- 缺少训练时用过的列：中文报错并点名是哪一列；
- 二维数组也能用（列名 x0、x1……）；``random_state`` 按 scikit-learn 的规则处理。
"""

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError as SklearnNotFittedError

import ruralfin as rf
from ruralfin.risk.behavior import BehaviorSegmenter
from ruralfin.risk.binning import WoEBinner
from ruralfin.risk.collection import CollectionScoreModel
from ruralfin.risk.early_warning import EarlyWarningModel
from ruralfin.risk.scorecard import Scorecard


def _data():
    """一份五个模型都能训练的小样本（索引故意不从 0 开始）。"""
    rng = np.random.default_rng(7)
    n = 300
    X = pd.DataFrame({"sig_a": rng.random(n) < 0.3, "sig_b": rng.random(n) < 0.4}, index=np.arange(1000, 1000 + n))
    X["inflow_avg"] = rng.lognormal(1.0, 0.5, n)
    X["inflow_cv"] = rng.random(n)
    y = pd.Series((rng.random(n) < 0.1 + 0.5 * X["sig_a"]).astype(int), index=X.index)
    return X, y


# 模型、训练用的列、X 缺少哪一列时应报错
MODELS = {
    "WoEBinner": (lambda: WoEBinner(max_bins=3), ["inflow_avg", "inflow_cv"]),
    "Scorecard": (lambda: Scorecard(WoEBinner(max_bins=3)), ["inflow_avg", "inflow_cv"]),
    "EarlyWarningModel": (lambda: EarlyWarningModel(random_state=0), ["sig_a", "sig_b"]),
    "CollectionScoreModel": (lambda: CollectionScoreModel(random_state=0), ["inflow_avg", "inflow_cv"]),
    "BehaviorSegmenter": (lambda: BehaviorSegmenter(2, features=["inflow_avg", "inflow_cv"], random_state=0),
                          ["inflow_avg", "inflow_cv"]),
}

# 拿 X 当参数的方法，和不要参数的报表方法
X_METHODS = ["predict", "predict_proba", "decision_function", "transform", "predict_points",
             "points_breakdown", "assign", "profile_table"]
REPORTS = ["binning_table", "iv_table", "scorecard_table", "scaling_table", "to_sql", "points_table",
           "coefficients", "get_feature_names_out"]


def _calls(model):
    X, _ = _data()
    for m in X_METHODS:
        if hasattr(model, m):
            yield m, (lambda m=m: getattr(model, m)(X))
    for m in REPORTS:
        if hasattr(model, m):
            yield m, (lambda m=m: getattr(model, m)())


@pytest.mark.parametrize("name", MODELS)
def test_not_fitted_is_one_chinese_error(name):
    model = MODELS[name][0]()
    calls = list(_calls(model))
    assert len(calls) >= 3
    for method, call in calls:
        with pytest.raises(rf.RuralfinError, match=f"^{name} 模型还没有训练：请先调用 fit") as info:
            call()
        err = info.value
        assert isinstance(err, rf.errors.NotFittedError), method
        assert isinstance(err, SklearnNotFittedError), method  # scikit-learn 的 check_is_fitted 也认得
        assert isinstance(err, rf.RuralfinValueError), method


def test_one_not_fitted_error_class_everywhere():
    from ruralfin.errors import NotFittedError

    assert rf.risk.NotFittedError is NotFittedError
    assert rf.errors.NotFittedError is NotFittedError
    assert NotFittedError.__module__ == "ruralfin.errors"
    import pickle

    assert type(pickle.loads(pickle.dumps(NotFittedError("x")))) is NotFittedError


def test_sklearn_check_is_fitted_agrees():
    from sklearn.utils.validation import check_is_fitted

    X, y = _data()
    for name, (make, cols) in MODELS.items():
        model = make()
        with pytest.raises(SklearnNotFittedError):
            check_is_fitted(model)
        model.fit(X[cols], y)
        check_is_fitted(model)


@pytest.mark.parametrize("name", ["Scorecard", "EarlyWarningModel"])
def test_predict_points_is_a_series_indexed_like_x(name):
    make, cols = MODELS[name]
    X, y = _data()
    model = make().fit(X[cols], y)
    pts = model.predict_points(X[cols].iloc[5:9])
    assert isinstance(pts, pd.Series)
    assert pts.index.tolist() == [1005, 1006, 1007, 1008]
    assert pts.name == {"Scorecard": "points", "EarlyWarningModel": "warning_score"}[name]
    # 数组没有索引：0…n−1，数值与 DataFrame 的一样
    from_array = model.predict_points(X[cols].iloc[5:9].to_numpy())
    assert isinstance(from_array, pd.Series) and from_array.index.tolist() == [0, 1, 2, 3]
    np.testing.assert_array_equal(from_array.to_numpy(), pts.to_numpy())
    # 可以直接作为新列
    out = X.assign(points=model.predict_points(X[cols]))
    assert out["points"].notna().all()


def test_scorecard_points_breakdown_total_equals_predict_points():
    X, y = _data()
    card = Scorecard(WoEBinner(max_bins=3), decimals=0).fit(X[["inflow_avg", "inflow_cv"]], y)
    pts = card.predict_points(X)
    pd.testing.assert_series_equal(card.points_breakdown(X)["points"], pts)


@pytest.mark.parametrize("name", MODELS)
def test_missing_column_is_named_in_chinese(name):
    make, cols = MODELS[name]
    X, y = _data()
    model = make().fit(X[cols], y)
    gone = cols[-1]
    method = "transform" if name == "WoEBinner" else "predict"
    with pytest.raises(rf.RuralfinValueError, match=f"^X 缺少训练时用过的列：{gone}（现有列："):
        getattr(model, method)(X.drop(columns=gone))


@pytest.mark.parametrize("name", MODELS)
def test_arrays_are_accepted_with_x_column_names(name):
    make, cols = MODELS[name]
    X, y = _data()
    model = make()
    if name == "BehaviorSegmenter":
        model.set_params(features=None)  # 数组没有列名：默认用全部列
    model.fit(X[cols].to_numpy(), y.to_numpy())
    assert model.n_features_in_ == len(cols)
    assert not hasattr(model, "feature_names_in_")
    method = "transform" if name == "WoEBinner" else "predict"
    getattr(model, method)(X[cols].to_numpy())
    with pytest.raises(rf.RuralfinValueError, match="X 有 1 列，但 .* 训练时有 2 列"):
        getattr(model, method)(X[cols[:1]].to_numpy())


def test_bad_x_type_is_explained_in_chinese():
    X, y = _data()
    for name, (make, cols) in MODELS.items():
        with pytest.raises(rf.RuralfinTypeError, match=f"{name} 的 X 应为 DataFrame 或二维数组，实际是 dict"):
            make().fit({"a": [1, 2]}, y)


@pytest.mark.parametrize("name", ["EarlyWarningModel", "CollectionScoreModel", "BehaviorSegmenter"])
def test_random_state_follows_sklearn(name):
    make, cols = MODELS[name]
    X, y = _data()
    # __init__ 原样保存：RandomState 对象不被替换、不被消耗
    rs = np.random.RandomState(0)
    model = make().set_params(random_state=rs)
    before = rs.get_state()[1].copy()
    assert model.get_params()["random_state"] is rs
    np.testing.assert_array_equal(rs.get_state()[1], before)
    # fit 里解析：整数 0 与 RandomState(0) 结果相同；同一个整数两次结果相同
    a = make().set_params(random_state=0).fit(X[cols], y).predict(X[cols])
    b = make().set_params(random_state=np.random.RandomState(0)).fit(X[cols], y).predict(X[cols])
    c = make().set_params(random_state=0).fit(X[cols], y).predict(X[cols])
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(a, c)
    assert model.fit(X[cols], y).get_params()["random_state"] is rs


@pytest.mark.parametrize("name", ["EarlyWarningModel", "CollectionScoreModel", "BehaviorSegmenter"])
@pytest.mark.parametrize("seed", [np.nan, np.inf, -1, 2**32, 1e12, "abc", [1, 2], True])
def test_bad_random_state_gets_a_chinese_error_in_fit(name, seed):
    """issue 11 第 10 项：坏种子不再落到 numpy 的英文 ValueError。"""
    make, cols = MODELS[name]
    X, y = _data()
    model = make().set_params(random_state=seed)  # __init__ 不检查（scikit-learn 约定）
    with pytest.raises(rf.RuralfinError, match="random_state"):
        model.fit(X[cols], y)


@pytest.mark.parametrize("name", ["EarlyWarningModel", "CollectionScoreModel", "BehaviorSegmenter"])
def test_infinite_feature_is_named_in_chinese(name):
    """issue 11 第 10 项：无穷大的特征得到中文报错（点名是哪一列），不是 sklearn 的英文 ValueError。"""
    make, cols = MODELS[name]
    X, y = _data()
    bad = X[cols].astype("float64")
    bad.iloc[3, 1] = np.inf
    with pytest.raises(rf.RuralfinValueError, match=f"这些列有无穷大的值：{cols[1]}"):
        make().fit(bad, y)
    model = make().fit(X[cols], y)
    with pytest.raises(rf.RuralfinValueError, match=f"这些列有无穷大的值：{cols[1]}"):
        model.predict(bad)
