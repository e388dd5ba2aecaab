"""示范县：结构、类型、登记处、确定性、随包数据与重新生成一致。"""

import json
import subprocess
import sys
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels, schema
from ruralfin.datasets import (
    DEFAULT_N,
    DEFAULT_SEED,
    describe_dataset,
    list_datasets,
    load_dataset,
    make_county,
    table_hash,
)
from ruralfin.errors import RuralfinTypeError, RuralfinValueError


def test_every_column_of_every_table_is_registered_with_schema_unit():
    problems = []
    for t in schema.TABLES.values():
        for c in t.columns:
            if not labels.is_registered(c.name, table=t.name):
                problems.append(f"{t.name}.{c.name} 未登记")
                continue
            f = labels.get(c.name, table=t.name)
            if f.unit != c.unit:
                problems.append(f"{t.name}.{c.name} 单位 {f.unit!r} != schema {c.unit!r}")
            if not f.meaning:
                problems.append(f"{t.name}.{c.name} 没有含义")
            if c.dtype == "category" and c.name not in ("village", "township"):
                lack = [k for k in c.categories if k not in f.values]
                if lack:
                    problems.append(f"{t.name}.{c.name} 类别 {lack} 没有中文名")
    assert problems == []


def test_identifier_columns_are_marked_pii():
    kinds = {(t, c): labels.get(c, table=t).pii for t, c in [
        ("entities", "operator_id_number"), ("entities", "credit_code"), ("entities", "operator_phone"),
        ("entities", "operator_name"), ("managers", "manager_name")]}
    assert kinds == {("entities", "operator_id_number"): "id_number", ("entities", "credit_code"): "credit_code",
                     ("entities", "operator_phone"): "phone", ("entities", "operator_name"): "person_name",
                     ("managers", "manager_name"): "person_name"}


def test_make_county_returns_every_schema_table_with_schema_columns(small_county):
    assert list(small_county) == schema.TABLE_NAMES
    for name, df in small_county.items():
        assert list(df.columns) == schema.get_table(name).column_names, name
        assert len(df) > 0, name


def test_tables_are_typed(small_county):
    for name, df in small_county.items():
        t = schema.get_table(name)
        for c in t.columns:
            s = df[c.name]
            assert s.dtype != object, f"{name}.{c.name} is object"
            if c.dtype == "category":
                assert isinstance(s.dtype, pd.CategoricalDtype)
                assert s.dtype.ordered == c.ordered, f"{name}.{c.name}"
                assert list(s.cat.categories) == list(c.categories)
            elif c.dtype == "date":
                assert str(s.dtype) == "datetime64[us]", f"{name}.{c.name}"
            if not c.nullable:
                assert not s.isna().any(), f"{name}.{c.name} has missing values"
            if c.min is not None and pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
                assert (s.dropna() >= c.min).all(), f"{name}.{c.name} below min"
            if c.max is not None and pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
                assert (s.dropna() <= c.max).all(), f"{name}.{c.name} above max"
        assert not df.duplicated(subset=list(t.key)).any(), f"{name} key not unique"


def test_monthly_history_covers_36_month_ends(small_county):
    months = small_county["loan_monthly"]["month"]
    assert months.min() == pd.Timestamp("2023-01-31")
    assert months.max() == pd.Timestamp("2025-12-31")
    assert months.nunique() == 36
    assert (months.dt.is_month_end).all()


def test_truth_is_kept_out_of_feature_tables(small_county):
    for name, df in small_county.items():
        if not name.startswith("truth_"):
            assert not any(c.startswith("truth_") for c in df.columns), name


def test_foreign_keys_resolve(small_county):
    c = small_county
    ids = set(c["entities"]["entity_id"])
    for name in ["loans", "applications", "holdings", "account_flows", "sales_monthly", "guarantees", "supply_chain"]:
        assert set(c[name]["entity_id"]) <= ids, name
    assert set(c["guarantees"]["guarantor_id"]) <= ids
    assert set(c["loan_monthly"]["loan_id"]) <= set(c["loans"]["loan_id"])
    assert set(c["loans"]["product_id"]) <= set(c["products"]["product_id"])
    approved = c["applications"].dropna(subset=["loan_id"])
    assert set(approved["loan_id"].astype(int)) <= set(c["loans"]["loan_id"])
    assert set(c["entities"]["manager_id"].dropna()) <= set(c["managers"]["manager_id"])


def test_same_seed_identical_and_different_seed_different():
    a = make_county(n_entities=800, random_state=3)
    b = make_county(n_entities=800, random_state=3)
    c = make_county(n_entities=800, random_state=4)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])
    assert table_hash(a["entities"]) != table_hash(c["entities"])
    assert table_hash(a["loan_monthly"]) != table_hash(c["loan_monthly"])


_HASH_SCRIPT = """
import json
from ruralfin.datasets import make_county, table_hash
c = make_county(n_entities=1500, random_state=11)
print(json.dumps({k: table_hash(v) for k, v in c.items()}))
"""


def test_generation_is_identical_across_processes():
    runs = [
        json.loads(subprocess.run([sys.executable, "-c", _HASH_SCRIPT], check=True, capture_output=True, text=True).stdout)
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert len(runs[0]) == len(schema.TABLE_NAMES)


def test_shipped_files_equal_regeneration():
    fresh = make_county(DEFAULT_N, DEFAULT_SEED)
    for name in schema.TABLE_NAMES:
        pd.testing.assert_frame_equal(load_dataset(name), fresh[name], obj=name)


def test_manifest_matches_loaded_tables():
    man = json.loads(resources.files("ruralfin.datasets").joinpath("files", "manifest.json").read_text(encoding="utf-8"))
    assert man["seed"] == DEFAULT_SEED and man["n_entities"] == DEFAULT_N
    for name in schema.TABLE_NAMES:
        df = load_dataset(name)
        assert man["tables"][name] == {"rows": len(df), "hash": table_hash(df)}, name


def test_load_from_another_working_directory(tmp_path):
    code = "from ruralfin.datasets import load_dataset; print(len(load_dataset('entities')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == str(DEFAULT_N)


def test_load_returns_a_fresh_copy():
    a = load_dataset("villages")
    a.loc[0, "households"] = -1
    assert load_dataset("villages").loc[0, "households"] != -1


def test_list_and_describe():
    t = list_datasets()
    assert list(t["name"]) == schema.TABLE_NAMES
    assert t.set_index("name").loc["entities", "rows"] == DEFAULT_N
    assert (t["rows"] > 0).all()
    d = describe_dataset("loans").set_index("column")
    assert d.loc["loan_amount", "中文名"] == "贷款金额"
    assert d.loc["loan_amount", "单位"] == "万元"
    assert d.loc["guarantee_method", "取值"].startswith("credit=信用")
    assert not (t.dtypes == object).any() and not (describe_dataset("entities").dtypes == object).any()


@pytest.mark.parametrize("bad, exc, words", [
    (0, RuralfinValueError, ["n_entities", "不小于 1"]),
    (10_000_000, RuralfinValueError, ["n_entities", "最大"]),
    (-5, RuralfinValueError, ["n_entities", "-5"]),
    ("10", RuralfinTypeError, ["n_entities", "整数", "str"]),
    (2.5, RuralfinTypeError, ["n_entities", "整数"]),
])
def test_make_county_rejects_bad_sizes(bad, exc, words):
    with pytest.raises(exc) as info:
        make_county(n_entities=bad)
    for w in words:
        assert w in str(info.value)


def test_make_county_rejects_bad_seed_and_progress():
    with pytest.raises(RuralfinValueError, match="random_state"):
        make_county(100, random_state=-1)
    with pytest.raises(RuralfinTypeError, match="progress"):
        make_county(100, progress="yes")


def test_unknown_table_names_list_valid_ones():
    with pytest.raises(RuralfinValueError) as info:
        load_dataset("loan")
    assert "'loan'" in str(info.value) and "loan_monthly" in str(info.value)
    with pytest.raises(RuralfinValueError, match="可用的表"):
        describe_dataset("nope")
    with pytest.raises(RuralfinTypeError, match="表名应为字符串"):
        load_dataset(3)


def test_data_readme_equals_render():
    from pathlib import Path

    from ruralfin.datasets import _docs

    readme = Path(__file__).resolve().parents[2] / "data" / "README.md"
    assert readme.read_text(encoding="utf-8") == _docs.render(), "请运行 python -m ruralfin.datasets._docs 重新生成"


def test_synthetic_identifiers_are_valid_and_visibly_fake():
    from ruralfin.privacy import is_valid_credit_code, is_valid_id_number

    e = load_dataset("entities")
    assert is_valid_id_number(e["operator_id_number"]).all()
    assert e["operator_id_number"].str.startswith("99").all()
    codes = e["credit_code"].dropna()
    assert is_valid_credit_code(codes).all() and codes.str.slice(2, 4).eq("99").all()
    assert e["credit_code"].isna().eq(e["customer_group"].eq("farmer_household")).all()
    assert e["operator_phone"].str.fullmatch(r"100\d{8}").all()
    assert e["operator_name"].str.startswith("演示·").all()
    assert e["entity_name"].str.startswith("示例").all()
    # 出生日期与年龄一致、性别与顺序码奇偶一致
    birth_year = e["operator_id_number"].str.slice(6, 10).astype(int)
    assert ((2025 - birth_year - e["operator_age"]).abs() <= 1).all()
    odd = e["operator_id_number"].str.slice(16, 17).astype(int) % 2 == 1
    assert (odd == e["operator_gender"].eq("male")).all()


def test_institution_names_are_not_real_banks():
    inst = load_dataset("institutions")
    assert inst.set_index("institution_id").loc["ours", "institution_name"] == "示范县农商银行"
    assert inst["institution_name"].iloc[1:].str.startswith("同业").all()
    prods = load_dataset("products")
    assert prods["product_name"].str.match(r"^(示范·|同业[甲乙丙丁戊]·)").all()


def test_to_display_masks_identifiers():
    e = load_dataset("entities").head(3)
    shown = labels.to_display(e, table="entities")
    assert shown["经营者身份证号"].str.fullmatch(r"99\d{4}\*{8}[\dX]{4}").all()
    assert shown["经营者手机号"].str.fullmatch(r"100\*{4}\d{4}").all()
    assert shown["经营者姓名"].str.fullmatch(r"演示·.\*+").all()
