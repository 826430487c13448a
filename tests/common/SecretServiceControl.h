#pragma once

#include <QString>

// Locks and unlocks the Secret Service's default collection over D-Bus, as the user would in a
// password manager, for keychain tests run through tests/scripts/with-keyring (gnome-keyring).
// Each returns an empty string on success, else what went wrong.
namespace SecretServiceControl {
QString lockDefault();
// Unlocks with gnome-keyring's own master-password call (no prompt); the password is the one
// with-keyring created the keyring with ($ALLMINE_KEYRING_PASSWORD).
QString unlockDefault();
// The default collection's Locked property, or an error text.
QString isLocked(bool *locked);
} // namespace SecretServiceControl
