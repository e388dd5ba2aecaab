import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.labels import Field


def test_label_with_and_without_unit():
    assert labels.label("loan_amount") == "贷款金额（万元）"
    assert labels.label("loan_amount", unit=False) == "贷款金额"


def test_unknown_name_suggests_close_match():
    with pytest.raises(RuralfinValueError, match="是不是：prob_default"):
        labels.get("prob_defualt")
    with pytest.raises(RuralfinTypeError):
        labels.get(3)


def test_to_display_renames_maps_and_keeps_input():
    df = pd.DataFrame({"outcome": pd.Categorical(["correct", "wrong", "correct"]), "loan_amount": [1.0, 2.0, 3.0], "x": [1, 2, 3]})
    before = df.copy()
    shown = labels.to_display(df)
    assert list(shown.columns) == ["结果", "贷款金额（万元）", "x"]
    assert list(shown["结果"]) == ["正确", "有误", "正确"]
    pd.testing.assert_frame_equal(df, before)


def test_to_display_keeps_category_order_and_index_names():
    s = pd.Series(pd.Categorical(["wrong", "correct"], categories=["correct", "wrong", "unanswered"], ordered=True))
    df = pd.DataFrame({"outcome": s, "loan_amount": [1.0, 2.0]}).set_index("outcome")
    shown = labels.to_display(df)
    assert shown.index.name == "结果"
    assert list(shown.index) == ["有误", "正确"]
    flat = labels.to_display(pd.DataFrame({"outcome": s}))
    assert list(flat["结果"].cat.categories) == ["正确", "有误", "未作答"]
    assert flat["结果"].cat.ordered


def test_to_display_series_and_override():
    s = pd.Series([1.0], name="loan_amount")
    assert labels.to_display(s).name == "贷款金额（万元）"
    df = pd.DataFrame({"loan_amount": [1.0]})
    assert list(labels.to_display(df, rename={"loan_amount": "金额"}).columns) == ["金额"]
    assert list(labels.to_display(df, units=False).columns) == ["贷款金额"]
    with pytest.raises(RuralfinTypeError):
        labels.to_display([1, 2])


def test_conflicting_registrations_are_rejected(monkeypatch):
    import types

    reg = labels._load()
    monkeypatch.setattr(labels, "_registry", None)
    fake = types.ModuleType("ruralfin.labels._zz_conflict")
    fake.FIELDS = [Field("loan_amount", "贷款额", unit="元")]
    import sys

    monkeypatch.setitem(sys.modules, "ruralfin.labels._zz_conflict", fake)
    real_iter = labels.pkgutil.iter_modules

    def fake_iter(path):
        yield from real_iter(path)
        yield types.SimpleNamespace(name="_zz_conflict")

    monkeypatch.setattr(labels.pkgutil, "iter_modules", fake_iter)
    with pytest.raises(RuralfinValueError, match="loan_amount 被登记了两种说法"):
        labels._load()
    monkeypatch.setattr(labels, "_registry", reg)


def test_every_registered_field_is_complete():
    table = labels.fields()
    assert len(table) > 0
    assert (table["label"].str.len() > 0).all()
    # 中文名可以是业内通用的缩写（KS、AUC、WoE），但那时含义必须用中文写明
    cjk = r"[\u4e00-\u9fff]"
    ok = table["label"].str.contains(cjk) | table["meaning"].fillna("").str.contains(cjk)
    assert ok.all(), table.loc[~ok, ["column", "label", "meaning"]]
    assert (table["meaning"].fillna("").str.len() > 0).all(), table.loc[table["meaning"].fillna("") == "", "column"]


def test_column_axis_values_are_translated():
    df = pd.DataFrame([[1, 2]], columns=pd.Index(["correct", "wrong"], name="outcome"))
    shown = labels.to_display(df)
    assert list(shown.columns) == ["正确", "有误"] and shown.columns.name == "结果"


def test_table_specific_label_is_found_when_unambiguous(monkeypatch):
    reg = dict(labels._load())
    reg[("t1", "only_here")] = Field("only_here", "仅此一处", unit="万元", meaning="测试", table="t1")
    reg[("t1", "two_ways")] = Field("two_ways", "说法一", meaning="测试", table="t1")
    reg[("t2", "two_ways")] = Field("two_ways", "说法二", meaning="测试", table="t2")
    monkeypatch.setattr(labels, "_registry", reg)
    assert labels.label("only_here") == "仅此一处（万元）"
    assert labels.label("two_ways") == "two_ways"  # 各表说法不一，不猜
    assert labels.label("two_ways", table="t2") == "说法二"


def test_nullable_boolean_with_missing_values():
    df = pd.DataFrame({"ready": pd.array([True, None, False], dtype="boolean")})
    shown = labels.to_display(df)
    assert shown.iloc[0, 0] == "是" and shown.iloc[2, 0] == "编写中" and pd.isna(shown.iloc[1, 0])
