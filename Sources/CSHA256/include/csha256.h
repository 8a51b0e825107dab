// The SHA-256 compression function on the x86-64 SHA extensions (SHA-NI), for
// Sources/FundLedger/Crypto/SHA256.swift. Written here, like the portable Swift rounds it
// stands in for; both are tested against the NIST vectors and against each other.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants K of FIPS 180-4 §4.2.2, for both implementations.
const uint32_t *cpf_sha256_round_constants(void);

/// 1 when this processor has the SHA extensions (with SSSE3 and SSE4.1), else 0.
int cpf_sha256_hardware_available(void);

/// FIPS 180-4 §6.2.2 over `count` consecutive 64-byte blocks, updating `state` (h0…h7).
/// Call only when cpf_sha256_hardware_available() returned 1.
void cpf_sha256_compress_hardware(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
