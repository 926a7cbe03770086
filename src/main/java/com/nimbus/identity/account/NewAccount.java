package com.nimbus.identity.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/accounts}. {@code language} is optional: {@code en} (default) or {@code zh-CN}. */
public record NewAccount(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 \\-]{5,30}", message = "must be a phone number in international form, e.g. +8613800138000")
        String phone,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 region code such as CN, HK or SG")
        @RegionCode String registrationRegion,
        @Pattern(regexp = "en|zh-CN", message = "must be en or zh-CN") String language) {

    public String languageOrDefault() {
        return language == null ? "en" : language;
    }
}
