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


# ---------------------------------------------------------------- issue 11 第 3、8 条：遮蔽没有漏网的
ID = "110101199001011237"
PHONE = "13812345678"


def _people():
    from ruralfin.datasets import load_dataset

    return load_dataset("entities").head(3)[["entity_id", "operator_name", "operator_id_number", "operator_phone"]]


def _shown_text(obj):
    frame = obj.to_frame() if isinstance(obj, pd.Series) else obj
    return frame.to_string() + " ".join(map(str, frame.index.to_flat_index())) + " ".join(map(str, frame.columns))


def _raw_values(e):
    return [*e["operator_id_number"], *e["operator_phone"]]


def _assert_masked(obj, e):
    text = _shown_text(obj)
    leaked = [v for v in _raw_values(e) if v in text]
    assert not leaked, (leaked, text)


def test_to_display_masks_identifier_in_the_index_and_multiindex():
    e = _people()
    _assert_masked(labels.to_display(e.set_index("operator_id_number")), e)
    _assert_masked(labels.to_display(e.set_index(["entity_id", "operator_phone", "operator_id_number"])), e)
    _assert_masked(labels.to_display(e.set_index("operator_phone")["entity_id"]), e)
    shown = labels.to_display(e.set_index(["entity_id", "operator_phone"]))
    assert shown.index.names == ["主体编号", "经营者手机号"]
    assert shown.index.get_level_values(0).tolist() == e["entity_id"].tolist()  # 别的层不动


@pytest.mark.parametrize("name", ["身份证号", "id_number", "证件号码", "手机号", "联系电话", "operator_phone_x",
                                  "operator_id_number_y", "operator_phone_right", "经营者身份证号", "mobile", "phone_1"])
def test_to_display_masks_renamed_and_merge_suffixed_identifiers(name):
    e = _people()
    col = "operator_phone" if any(k in name for k in ("手机", "电话", "phone", "mobile")) else "operator_id_number"
    df = e[[col]].rename(columns={col: name})
    _assert_masked(labels.to_display(df), e)
    assert list(labels.to_display(df).columns) != []


def test_to_display_masks_after_a_real_merge():
    e = _people()
    merged = e.merge(e[["entity_id", "operator_phone", "operator_id_number"]], on="entity_id")
    assert "operator_phone_x" in merged.columns
    _assert_masked(labels.to_display(merged), e)


def test_to_display_masks_an_unnamed_series_and_unknown_columns_by_content():
    e = _people()
    _assert_masked(labels.to_display(pd.Series(e["operator_id_number"].to_numpy())), e)
    assert labels.to_display(pd.Series([ID, None])).tolist()[0] == "110101********1237"
    assert labels.to_display(pd.Series([ID])).name is None
    df = pd.DataFrame({"备注1": [ID, ID], "x": [PHONE, PHONE], "卡": ["6222021234567890128"] * 2,
                       "码": ["92330100MA0000001C"] * 2, "整数": [13812345678, 15900001111]})
    shown = labels.to_display(df)
    assert shown["备注1"].tolist() == ["110101********1237"] * 2
    assert shown["x"].tolist() == ["138****5678"] * 2
    assert shown["卡"].tolist() == ["622202*********0128"] * 2
    assert shown["码"].tolist() == ["92330100*********C"] * 2
    assert shown["整数"].tolist() == ["138****5678", "159****1111"]  # Excel 把手机号存成了数字


def test_to_display_masks_identifier_values_in_the_column_labels():
    shown = labels.to_display(pd.DataFrame([[1, 2]], columns=[ID, "110101199003077774"]))
    assert ID not in " ".join(map(str, shown.columns))


@pytest.mark.parametrize("mask", [True, None, 0, 1, "no"])
def test_only_an_explicit_mask_false_turns_masking_off(mask):
    e = _people()
    _assert_masked(labels.to_display(e, mask=mask), e)
    raw = labels.to_display(e, mask=False)
    assert raw["经营者身份证号"].tolist() == e["operator_id_number"].tolist()


def test_content_rule_leaves_ordinary_columns_alone():
    df = pd.DataFrame({"loan_id": ["JJ2024000123", "JJ2024000124"], "说明": ["续贷", "13812345678 是我的号码"],
                       "金额": [12.5, 30.0], "编号": ["320500202400000123", "320500202400000124"],
                       "phone_count": [2, 3], "has_phone": [True, False]})
    shown = labels.to_display(df)
    pd.testing.assert_frame_equal(shown.set_axis(df.columns, axis=1), df)


def test_pii_kind_by_name():
    assert labels.pii_kind("operator_phone_x") == "phone"
    assert labels.pii_kind("证件号码") == "id_number"
    assert labels.pii_kind("银行卡号") == "bank_card"
    assert labels.pii_kind("统一社会信用代码") == "credit_code"
    assert labels.pii_kind("客户姓名") == "person_name"
    for harmless in ["share_card", "device_tier", "手机档次", "手机号个数", "是否有电话", "loan_amount", None, 3]:
        assert labels.pii_kind(harmless) is None, harmless


def test_empty_tables_display_and_mask():
    from ruralfin.datasets import load_dataset

    e = load_dataset("entities").head(0)
    shown = labels.to_display(e, table="entities")
    assert len(shown) == 0 and "经营者身份证号" in shown.columns
    assert labels.to_display(pd.DataFrame()).shape == (0, 0)
    assert len(labels.to_display(pd.Series([], dtype="str", name="operator_phone"))) == 0
    assert labels.to_display(e, values=False, names=False).shape == e.shape
    assert labels.pii_columns(e) == ["operator_name", "operator_id_number", "credit_code", "operator_phone"]


def test_names_false_masks_without_renaming():
    df = pd.DataFrame({"证件号码": [ID], "联系方式": [PHONE], "outcome": ["correct"]}).set_index("outcome")
    shown = labels.to_display(df, values=False, names=False)
    assert shown.columns.tolist() == ["证件号码", "联系方式"] and shown.index.name == "outcome"
    assert shown.iloc[0].tolist() == ["110101********1237", "138****5678"]
    assert shown.index.tolist() == ["correct"]


def test_wrong_table_and_rename_types_get_chinese_errors():
    """table=[...] 曾是 TypeError: unhashable type，rename="abc" 曾是 dict() 的 ValueError（issue 11）。"""
    df = pd.DataFrame({"loan_amount": [1.0]})
    with pytest.raises(RuralfinTypeError, match=r"参数 table 应为文字（字符串）（可省略），实际是 list：\[1, 2\]"):
        labels.label("loan_amount", table=[1, 2])
    with pytest.raises(RuralfinTypeError, match="参数 rename 应为字典（映射）（可省略），实际是 str：'abc'"):
        labels.to_display(df, rename="abc")
    assert labels.to_display(df, rename={"loan_amount": "金额"}).columns.tolist() == ["金额"]
