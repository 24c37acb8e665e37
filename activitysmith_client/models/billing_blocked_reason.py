from enum import StrEnum


class BillingBlockedReason(StrEnum):
    BILLING_OVERAGE_CAP_REACHED = "billing_overage_cap_reached"
    TRIAL_EXHAUSTED = "trial_exhausted"
    TRIAL_EXPIRED = "trial_expired"

    def __str__(self) -> str:
        return str(self.value)
