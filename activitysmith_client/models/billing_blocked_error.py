from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models.billing_blocked_reason import BillingBlockedReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_trial_period import BillingTrialPeriod


T = TypeVar("T", bound="BillingBlockedError")


class BillingBlockedError:
    """The account's billing state does not allow this request.

    Attributes:
        error (BillingBlockedReason | str): Reason code (see BillingBlockedReason); unknown values are passed through as
            strings.
        message (str): Human-readable explanation.
        upgrade_url (str): Page where the account owner can upgrade the plan.
        trial_period (BillingTrialPeriod | Unset): Start and end of the account's trial.
    """

    __slots__ = (
        "error",
        "message",
        "upgrade_url",
        "trial_period",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "error",
        "message",
        "upgrade_url",
        "trial_period",
    )

    error: BillingBlockedReason | str
    message: str
    upgrade_url: str
    trial_period: BillingTrialPeriod | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        error: BillingBlockedReason | str,
        message: str,
        upgrade_url: str,
        trial_period: BillingTrialPeriod | Unset = UNSET,
    ) -> None:
        self.error = error
        self.message = message
        self.upgrade_url = upgrade_url
        self.trial_period = trial_period
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}("
            f"error={self.error!r}, "
            f"message={self.message!r}, "
            f"upgrade_url={self.upgrade_url!r}, "
            f"trial_period={self.trial_period!r}, "
            f"additional_properties={self.additional_properties!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if (
            not isinstance(other, BillingBlockedError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.error,
            self.message,
            self.upgrade_url,
            self.trial_period,
            self.additional_properties,
        ) == (
            other.error,
            other.message,
            other.upgrade_url,
            other.trial_period,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error: str
        if isinstance(self.error, BillingBlockedReason):
            error = self.error.value
        else:
            error = self.error

        message = self.message

        upgrade_url = self.upgrade_url

        trial_period: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trial_period, Unset):
            trial_period = self.trial_period.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "upgrade_url": upgrade_url,
            }
        )
        if trial_period is not UNSET:
            field_dict["trial_period"] = trial_period

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_trial_period import BillingTrialPeriod  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_error(data: object) -> BillingBlockedReason | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                error_type_0 = BillingBlockedReason(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingBlockedReason | str, data)

        error = _parse_error(d.pop("error"))

        message = d.pop("message")

        upgrade_url = d.pop("upgrade_url")

        _trial_period = d.pop("trial_period", UNSET)
        trial_period: BillingTrialPeriod | Unset
        if isinstance(_trial_period, Unset):
            trial_period = UNSET
        else:
            trial_period = BillingTrialPeriod.from_dict(_trial_period)

        billing_blocked_error = cls(
            error=error,
            message=message,
            upgrade_url=upgrade_url,
            trial_period=trial_period,
        )

        billing_blocked_error.additional_properties = d
        return billing_blocked_error

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
