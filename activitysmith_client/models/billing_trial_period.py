from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T", bound="BillingTrialPeriod")


class BillingTrialPeriod:
    """Start and end of the account's trial.

    Attributes:
        started_at (datetime.datetime): When the trial began.
        ends_at (datetime.datetime): When the trial ends or ended.
    """

    __slots__ = (
        "started_at",
        "ends_at",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "started_at",
        "ends_at",
    )

    started_at: datetime.datetime
    ends_at: datetime.datetime
    additional_properties: dict[str, Any]

    def __init__(
        self, started_at: datetime.datetime, ends_at: datetime.datetime
    ) -> None:
        self.started_at = started_at
        self.ends_at = ends_at
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"started_at={self.started_at!r}, "
            f"ends_at={self.ends_at!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, BillingTrialPeriod)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.started_at, self.ends_at, self.additional_properties) == (
            other.started_at,
            other.ends_at,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        started_at = self.started_at.isoformat()

        ends_at = self.ends_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "started_at": started_at,
                "ends_at": ends_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        billing_trial_period = cls(
            started_at=started_at,
            ends_at=ends_at,
        )

        billing_trial_period.additional_properties = d
        return billing_trial_period

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
