// The translations live in this library's resources (:/i18n); this file only gives it a source.
