# Reference values for the penalised leaving-risk model on the IBM benchmark (src/risk/skill.ts,
# penalty.ts, calibration.ts) from R's glmnet and glm. Run from the repository root, after
# npx tsx test/reference/risk-folds.ts:  Rscript test/reference/risk-penalised.R
# Needs ../shared/data/real/ibm-hr-attrition (or $WBK_REAL_DATA) and r-cran-glmnet (apt).
# Steps: (1) the design of test/reference/risk.R; (2) plain glm on the kit's 10 outer folds and the
# recalibration of its pooled held-out predictions; (3) nested cross-validation of ridge: in each outer
# training part, the penalty sequence written out by hand (30 values from lambda_max, computed with
# alpha 0.001 as glmnet does, down to 1e-4 of it), the held-out deviance on the kit's 5 inner folds
# (test/reference/risk/ibm-inner-folds-k5-seed1.csv) from glmnet fits at each penalty, the penalty with
# the least deviance, and the held-out predictions of glmnet at it; (4) pooled AUC, Brier and
# recalibration; the penalty and coefficients of the model refitted on every employee.
suppressPackageStartupMessages(library(glmnet))
out_dir <- "test/reference/risk"
num <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")

# (1) Design as in risk.R.
base <- Sys.getenv("WBK_REAL_DATA", file.path("..", "shared", "data", "real"))
ibm <- read.csv(file.path(base, "ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.csv"),
                fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
folds <- read.csv(file.path(out_dir, "ibm-inner-folds-k5-seed1.csv"))
stopifnot(identical(folds$EmployeeNumber, ibm$EmployeeNumber))
factor_ref <- function(v, ref) relevel(factor(v), ref = ref)
d <- data.frame(
  OverTime = factor_ref(ibm$OverTime, "No"),
  BusinessTravel = factor_ref(ibm$BusinessTravel, "Non-Travel"),
  Department = factor_ref(ibm$Department, "Research & Development"),
  EducationField = factor_ref(ibm$EducationField, "Life Sciences"),
  JobLevel = ibm$JobLevel, MonthlyIncome = ibm$MonthlyIncome / 1000,
  StockOptionLevel = ibm$StockOptionLevel, EnvironmentSatisfaction = ibm$EnvironmentSatisfaction,
  JobSatisfaction = ibm$JobSatisfaction, RelationshipSatisfaction = ibm$RelationshipSatisfaction,
  JobInvolvement = ibm$JobInvolvement, WorkLifeBalance = ibm$WorkLifeBalance,
  DistanceFromHome = ibm$DistanceFromHome, NumCompaniesWorked = ibm$NumCompaniesWorked,
  TotalWorkingYears = ibm$TotalWorkingYears, YearsAtCompany = ibm$YearsAtCompany,
  YearsInCurrentRole = ibm$YearsInCurrentRole, YearsSinceLastPromotion = ibm$YearsSinceLastPromotion,
  YearsWithCurrManager = ibm$YearsWithCurrManager, TrainingTimesLastYear = ibm$TrainingTimesLastYear,
  Education = ibm$Education, PercentSalaryHike = ibm$PercentSalaryHike,
  PerformanceRating = ibm$PerformanceRating, DailyRate = ibm$DailyRate / 100,
  HourlyRate = ibm$HourlyRate / 10, MonthlyRate = ibm$MonthlyRate / 1000
)
y <- as.numeric(ibm$Attrition == "Yes")
X <- model.matrix(~ ., d)
x <- X[, -1]
auc <- function(p, y) unname(wilcox.test(p[y == 1], p[y == 0], exact = FALSE)$statistic) / (sum(y) * sum(1 - y))
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
recalibrate <- function(p, y) {
  lp <- qlogis(p)
  s <- summary(glm(y ~ lp, family = binomial, control = ctl))$coefficients
  i <- summary(glm(y ~ 1, offset = lp, family = binomial, control = ctl))$coefficients
  c(slope = s[2, 1], slope_se = s[2, 2], intercept = i[1, 1], intercept_se = i[1, 2])
}

# (2) Plain glm on the outer folds.
plain <- numeric(length(y))
for (k in 0:9) {
  test <- folds$outer == k
  f <- glm.fit(X[!test, ], y[!test], family = binomial(), control = ctl)
  plain[test] <- plogis(X[test, ] %*% f$coefficients)
}

# (3) Nested cross-validation of ridge.
sequence <- function(xt, yt) {
  s <- apply(xt, 2, function(v) sqrt(mean((v - mean(v))^2)))
  z <- scale(xt, center = TRUE, scale = s)
  top <- max(abs(colSums(z * (yt - mean(yt))) / length(yt))) / 0.001
  top * 1e-4^((0:29) / 29)
}
ridge_at <- function(xt, yt, l) glmnet(xt, yt, family = "binomial", alpha = 0, lambda = l,
                                       standardize = TRUE, thresh = 1e-14, maxit = 1e7)
tune <- function(xt, yt, inner) {
  lambdas <- sequence(xt, yt)
  dev <- sapply(lambdas, function(l) {
    total <- 0
    for (j in 0:4) {
      tr <- inner != j
      p <- as.vector(predict(ridge_at(xt[tr, ], yt[tr], l), xt[!tr, , drop = FALSE], type = "response"))
      total <- total - 2 * sum(yt[!tr] * log(p) + (1 - yt[!tr]) * log(1 - p))
    }
    total / length(yt)
  })
  lambdas[which.min(dev)]
}
ridge <- numeric(length(y))
chosen <- numeric(10)
for (k in 0:9) {
  test <- folds$outer == k
  inner <- folds[[paste0("inner_", k)]][!test]
  chosen[k + 1] <- tune(x[!test, ], y[!test], inner)
  f <- ridge_at(x[!test, ], y[!test], chosen[k + 1])
  ridge[test] <- as.vector(predict(f, x[test, , drop = FALSE], type = "response"))
}
final_lambda <- tune(x, y, folds$inner_all)
final <- as.vector(coef(ridge_at(x, y, final_lambda)))

# (4) Write.
cp <- recalibrate(plain, y)
cr <- recalibrate(ridge, y)
writeLines(c("{",
  paste0('  "r_version": "', R.version.string, '",'),
  paste0('  "glmnet_version": "', as.character(packageVersion("glmnet")), '",'),
  paste0('  "plain_auc": ', num(auc(plain, y)), ","),
  paste0('  "plain_calibration": ', vec(cp), ","),
  paste0('  "ridge_fold_lambda": ', vec(chosen), ","),
  paste0('  "ridge_auc": ', num(auc(ridge, y)), ","),
  paste0('  "ridge_brier": ', num(mean((ridge - y)^2)), ","),
  paste0('  "ridge_calibration": ', vec(cr), ","),
  paste0('  "ridge_final_lambda": ', num(final_lambda), ","),
  paste0('  "ridge_final_estimate": ', vec(final)),
  "}"), file.path(out_dir, "ibm-penalised.json"))
