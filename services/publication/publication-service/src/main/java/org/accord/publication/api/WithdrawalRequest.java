package org.accord.publication.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a standard is withdrawn (stage 95.99); observers read it in the feeds. */
public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
}
