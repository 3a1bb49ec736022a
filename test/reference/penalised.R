# Reference values for penalised logistic regression (src/stats/logistic/penalised.ts) and logistic
# recalibration (src/risk/calibration.ts) from R's glmnet and glm.
# Run from the repository root:  Rscript test/reference/penalised.R
# Needs r-cran-glmnet (apt). Reads test/fixtures/regression/leavers-synthetic.csv (synthetic, 365 people);
# writes test/reference/regression/penalised.json. Steps: (1) the design as model.matrix codes it;
# (2) glmnet at fixed penalties (ridge, elastic net, lasso; one weighted), converged to thresh 1e-14;
# (3) glmnet's own penalty sequence (40 values, alpha 0.5); (4) cross-validated deviance per penalty
# for fixed folds, computed by hand from glmnet fits on each training part; (5) logistic recalibration
# of fixed predictions: glm(y ~ logit(p)) for the slope, glm(y ~ offset(logit(p))) for the intercept.
suppressPackageStartupMessages(library(glmnet))
d <- read.csv("test/fixtures/regression/leavers-synthetic.csv", colClasses = c(person_id = "character"))
num <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
strs <- function(v) paste0("[", paste0("\"", v, "\"", collapse = ", "), "]")

# (1) Columns as the kit's designMatrix codes them (worker_type against officer).
X <- model.matrix(~ age_years + overtime_hours_month + worker_type + high_risk_role, d)
y <- d$left_24m
x <- X[, -1]
fit_at <- function(alpha, lambda, weights = rep(1, nrow(x))) {
  f <- glmnet(x, y, family = "binomial", alpha = alpha, lambda = lambda, weights = weights,
              standardize = TRUE, thresh = 1e-14, maxit = 1e7)
  as.vector(coef(f))
}
cases <- list(
  list(name = "ridge-0.1", alpha = 0, lambda = 0.1, weighted = FALSE),
  list(name = "ridge-0.01", alpha = 0, lambda = 0.01, weighted = FALSE),
  list(name = "ridge-0.001", alpha = 0, lambda = 0.001, weighted = FALSE),
  list(name = "ridge-0.01-weighted", alpha = 0, lambda = 0.01, weighted = TRUE),
  list(name = "enet-0.05", alpha = 0.5, lambda = 0.05, weighted = FALSE),
  list(name = "enet-0.01", alpha = 0.5, lambda = 0.01, weighted = FALSE),
  list(name = "lasso-0.02", alpha = 1, lambda = 0.02, weighted = FALSE)
)
fits <- vapply(cases, function(k) {
  b <- fit_at(k$alpha, k$lambda, if (k$weighted) d$weight else rep(1, nrow(x)))
  sprintf('    {"name": "%s", "alpha": %s, "lambda": %s, "weighted": %s, "estimate": %s}',
          k$name, num(k$alpha), num(k$lambda), tolower(k$weighted), vec(b))
}, "")

# (3) glmnet's default sequence: 40 penalties from lambda_max down to 1e-4 of it (n > p).
path <- glmnet(x, y, family = "binomial", alpha = 0.5, nlambda = 40, standardize = TRUE)
# glmnet stops a path early when the deviance explained stops changing; keep what it gives.
seq_lambda <- path$lambda

# (4) Cross-validated deviance for 5 fixed folds (person i in fold (i - 1) mod 5), ridge, on a grid.
fold <- (seq_len(nrow(x)) - 1) %% 5
grid <- c(0.5, 0.1, 0.05, 0.01, 0.005, 0.001)
cv_dev <- sapply(grid, function(l) {
  total <- 0
  for (k in 0:4) {
    tr <- fold != k
    f <- glmnet(x[tr, ], y[tr], family = "binomial", alpha = 0, lambda = l, standardize = TRUE,
                thresh = 1e-14, maxit = 1e7)
    p <- as.vector(predict(f, x[!tr, , drop = FALSE], type = "response"))
    total <- total - 2 * sum(y[!tr] * log(p) + (1 - y[!tr]) * log(1 - p))
  }
  total / nrow(x)
})

# (5) Recalibration of fixed predictions: p = plogis(-2 + 0.03 * age - 0.5 * staff), deliberately
# off, against the outcome; Wald intervals as confint.default.
p <- plogis(-2 + 0.03 * d$age_years - 0.5 * (d$worker_type == "staff"))
lp <- qlogis(p)
slope_fit <- glm(y ~ lp, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
int_fit <- glm(y ~ 1, offset = lp, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
s1 <- summary(slope_fit)$coefficients
s0 <- summary(int_fit)$coefficients

writeLines(c("{",
  paste0('  "r_version": "', R.version.string, '",'),
  paste0('  "glmnet_version": "', as.character(packageVersion("glmnet")), '",'),
  paste0('  "names": ', strs(colnames(X)), ","),
  '  "fits": [', paste(fits, collapse = ",\n"), "  ],",
  paste0('  "sequence_alpha_0.5": ', vec(seq_lambda), ","),
  paste0('  "cv_grid": ', vec(grid), ","),
  paste0('  "cv_deviance": ', vec(cv_dev), ","),
  paste0('  "calibration_slope": ', vec(s1[2, 1:2]), ","),
  paste0('  "calibration_slope_intercept": ', num(s1[1, 1]), ","),
  paste0('  "calibration_intercept": ', vec(s0[1, 1:2])),
  "}"), "test/reference/regression/penalised.json")
