import numpy as np
import pandas as pd
import pytest

from ruralfin import privacy
from ruralfin.errors import RuralfinTypeError, RuralfinValueError


@pytest.mark.parametrize("first17, check", [
    ("11010119900101123", "7"), ("44030019851231004", "0"), ("34052419800101001", "X"),
])
def test_id_check_digit_matches_facts_samples(first17, check):
    assert privacy.id_check_digit(first17) == check
    assert privacy.is_valid_id_number(first17 + check)


@pytest.mark.parametrize("first17, check", [("92330100MA0000001", "C"), ("91110000MA0000003", "T")])
def test_credit_code_check_char_matches_facts_samples(first17, check):
    assert privacy.credit_code_check_char(first17) == check
    assert privacy.is_valid_credit_code(first17 + check)


def test_validators_vectorised_keep_index_and_reject_bad_values():
    s = pd.Series(["110101199001011237", "110101199001011238", "110101199002301230", "abc", None, "11010119900101123x"],
                  index=list("abcdef"))
    out = privacy.is_valid_id_number(s)
    assert out.index.tolist() == list("abcdef")
    assert out.tolist() == [True, False, False, False, False, False]  # 2 月 30 日不存在
    cc = privacy.is_valid_credit_code(["91110000MA0000003T", "91110000MA0000003I", "91110000MA000000OT"])
    assert cc.tolist() == [True, False, False]


def test_generators_are_valid_synthetic_and_deterministic():
    rng = np.random.default_rng(0)
    ids = privacy.generate_id_numbers(rng, 2000, birth_dates=np.full(2000, np.datetime64("1980-05-06")), female=np.arange(2000) % 2 == 0)
    assert privacy.is_valid_id_number(list(ids)).all()
    assert all(i.startswith("99") and i[6:14] == "19800506" for i in ids)
    assert all(int(i[16]) % 2 == (k % 2) for k, i in enumerate(ids))  # 女偶男奇
    codes = privacy.generate_credit_codes(np.random.default_rng(1), 2000, category=np.where(np.arange(2000) % 2, "2", "3"))
    assert privacy.is_valid_credit_code(list(codes)).all()
    assert {c[1] for c in codes} == {"2", "3"}
    a = privacy.generate_phone_numbers(np.random.default_rng(5), 10)
    assert list(a) == list(privacy.generate_phone_numbers(np.random.default_rng(5), 10))
    assert all(len(p) == 11 and p.startswith("100") for p in a)


def test_masking_rules():
    s = pd.Series(["110101199001011237", "13812345678", None], name="x")
    assert privacy.mask_series(s.iloc[:1], "id_number").tolist() == ["110101********1237"]
    assert privacy.mask_series(s.iloc[1:], "phone").tolist()[0] == "138****5678"
    out = privacy.mask_series(s, "phone")
    assert out.name == "x" and pd.isna(out.iloc[2])
    assert privacy.mask_series(pd.Series(["6222021234567890"]), "bank_card").tolist() == ["622202******7890"]
    assert privacy.mask_series(pd.Series(["演示·欧阳青禾", "王五"]), "person_name").tolist() == ["演示·欧***", "王*"]
    assert privacy.mask_series(pd.Series(["123"]), "id_number").tolist() == ["***"]
    assert s.tolist()[0] == "110101199001011237"  # 原列不变


def test_bad_inputs():
    with pytest.raises(RuralfinValueError, match="kind"):
        privacy.mask_series(pd.Series(["1"]), "email")
    with pytest.raises(RuralfinTypeError, match="Series"):
        privacy.mask_series(["1"], "phone")
    with pytest.raises(RuralfinValueError, match="17 个数字"):
        privacy.id_check_digit("1101011990010112")
    with pytest.raises(RuralfinValueError, match="合法字符"):
        privacy.credit_code_check_char("9111000OMA0000003")
    with pytest.raises(RuralfinTypeError, match="Generator"):
        privacy.generate_id_numbers(0, 3)
    with pytest.raises(RuralfinValueError, match="category"):
        privacy.generate_credit_codes(np.random.default_rng(0), 2, category="7")
    with pytest.raises(RuralfinTypeError):
        privacy.is_valid_id_number(123)


# ---------------------------------------------------------------- issue 11 第 8、10 条
def test_full_width_digits_are_not_a_valid_id_number():
    full = "１１０１０１１９９００１０１１２３７"
    assert privacy.is_valid_id_number(full) is False
    assert privacy.is_valid_id_number(pd.Series([full, "110101199001011237"])).tolist() == [False, True]
    assert privacy.is_valid_credit_code("９２３３０１００MA0000001C") is False
    assert privacy.pii_kinds([full]).tolist() == [None]


@pytest.mark.parametrize("kind", privacy.MASK_KINDS)
@pytest.mark.parametrize("dtype", ["object", "str", "float64", "int64"])
def test_mask_series_of_an_empty_series(kind, dtype):
    out = privacy.mask_series(pd.Series([], dtype=dtype, name="x"), kind)
    assert len(out) == 0 and out.name == "x"


def test_mask_numbers_stored_as_numbers():
    assert privacy.mask_series(pd.Series([13812345678.0, np.nan]), "phone").tolist()[0] == "138****5678"
    assert privacy.mask_series(pd.Series([110101199001011237]), "id_number").tolist() == ["110101********1237"]


def test_content_validators():
    assert privacy.is_mobile_number(["13812345678", "+8615900001111", "10012345678", "1381234567", None]).tolist() == [
        True, True, False, False, False]
    assert privacy.is_valid_bank_card(["4111111111111111", "4111111111111112", "6222021234567890128", "12"]).tolist() == [
        True, False, True, False]
    assert privacy.guess_pii_kind(pd.Series(["13812345678"] * 3 + ["x"])) == "phone"
    assert privacy.guess_pii_kind(pd.Series(["13812345678", "x", "y"])) is None
    assert privacy.guess_pii_kind(pd.Series([1.5, 2.5])) is None
    assert privacy.guess_pii_kind(pd.Series([True, False])) is None
    assert privacy.guess_pii_kind(pd.Series(pd.Categorical(["110101199001011237"] * 5))) == "id_number"
    assert privacy.guess_pii_kind(pd.Series([], dtype="str")) is None


def test_generate_id_numbers_checks_birth_dates():
    """birth_dates="__no_such__" 曾是 numpy 的英文 ValueError（issue 11）。"""
    rng = np.random.default_rng(0)
    with pytest.raises(RuralfinTypeError, match="参数 birth_dates 应为任意值的列表，实际是 str：'__no_such__'"):
        privacy.generate_id_numbers(rng, 1, birth_dates="__no_such__")
    with pytest.raises(RuralfinValueError, match="无法识别为日期"):
        privacy.generate_id_numbers(rng, 1, birth_dates=["明年"])
    with pytest.raises(RuralfinValueError, match="应有 n=2 个日期，实际是 1 个"):
        privacy.generate_id_numbers(rng, 2, birth_dates=["1980-05-01"])
    ids = privacy.generate_id_numbers(rng, 1, birth_dates=["1980-05-01"])
    assert ids[0][6:14] == "19800501"
