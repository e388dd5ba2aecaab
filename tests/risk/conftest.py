import numpy as np
import pandas as pd
import pytest


def make_credit(n=4000, seed=0):
    """小型合成申请样本：年龄（含缺失）、收入、作物（含稀有类别）、距上次贷款月数（-999 = 从未贷款）。"""
    rng = np.random.default_rng(seed)
    age = rng.integers(20, 66, n).astype(float)
    income = rng.lognormal(2.5, 0.6, n)
    crop = rng.choice(["rice", "tea", "fruit", "pig", "fish", "herb"], n, p=[0.35, 0.25, 0.2, 0.12, 0.06, 0.02])
    months = rng.integers(1, 60, n).astype(float)
    never = rng.random(n) < 0.1
    months[never] = -999
    risk = {"rice": -0.3, "tea": 0.0, "fruit": 0.2, "pig": 0.6, "fish": 0.4, "herb": 1.0}
    logit = -2.0 - 0.04 * (age - 40) - 0.5 * np.log(income / 12) + np.vectorize(risk.get)(crop) + 0.8 * never
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    age[rng.random(n) < 0.05] = np.nan
    X = pd.DataFrame({"age": age, "income": income, "crop": pd.Series(crop, dtype="str"), "months": months})
    return X, pd.Series(y, name="is_default")


@pytest.fixture(scope="session")
def credit():
    return make_credit()


@pytest.fixture(scope="session")
def credit_factory():
    """make_credit 本身（测试文件不直接 import conftest，避免与 tests/conftest.py 同名冲突）。"""
    return make_credit
