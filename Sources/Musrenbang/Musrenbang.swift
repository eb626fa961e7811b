// Musrenbang: the domain rules of ../shared/docs/domain.md as plain Swift values and functions.
