import pytest

from ruralfin.datasets import make_county


@pytest.fixture(scope="session")
def small_county():
    return make_county(n_entities=3000, random_state=7)
