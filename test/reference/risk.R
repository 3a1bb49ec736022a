# Reference values for the leaving-risk model (src/models/risk-*.ts) from base R's glm.
# Run from the repository root: Rscript test/reference/risk.R
# Needs ../shared/data/real/ibm-hr-attrition (or $WBK_REAL_DATA/ibm-hr-attrition) for the IBM part.
# Steps: (1) a tiny person-month fixture: glm and person-clustered sandwich errors;
# (2) IBM HR attrition: the same inputs as IBM_FEATURES, the full-data glm with sandwich errors, and
# 10-fold cross-validation with the kit's folds (test/reference/risk/ibm-folds-k10-seed1.csv):
# pooled out-of-fold AUC (Mann–Whitney via wilcox.test), Brier score and per-fold AUC.
# Base R only; JSON written by hand with 17 significant digits.

out_dir <- "test/reference/risk"
num <- function(v) sprintf("%.17g", v)
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
strs <- function(v) paste0("[", paste0("\"", v, "\"", collapse = ", "), "]")
glm_fit <- function(X, y) {
  fit <- glm.fit(X, y, family = binomial(), control = glm.control(epsilon = 1e-14, maxit = 100))
  beta <- fit$coefficients
  mu <- as.vector(1 / (1 + exp(-X %*% beta)))
  B <- solve(t(X) %*% (X * (mu * (1 - mu))))           # inverse Fisher information at the estimate
  list(beta = beta, mu = mu, B = B)
}
# sandwich::vcovCL(type = "HC0", cadjust = TRUE) written out: B (sum_c u_c u_c') B * G / (G - 1)
cluster_se <- function(X, y, f, cluster) {
  U <- rowsum(X * (y - f$mu), cluster)
  G <- nrow(U)
  sqrt(diag(f$B %*% crossprod(U) %*% f$B) * G / (G - 1))
}

# ---- (1) tiny person-months: 4 people, 12 rows ----
tiny <- data.frame(
  person = c("a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"),
  x = c(0, 1, 2, 0, 0, 1, 3, 2, 4, 1, 2, 2),
  y = c(0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0)
)
X <- cbind("(Intercept)" = 1, x = tiny$x)
f <- glm_fit(X, tiny$y)
writeLines(c("{", paste0("  \"r_version\": \"", R.version.string, "\","),
  paste0("  \"estimate\": ", vec(f$beta), ","),
  paste0("  \"model_se\": ", vec(sqrt(diag(f$B))), ","),
  paste0("  \"cluster_se\": ", vec(cluster_se(X, tiny$y, f, tiny$person))), "}"),
  file.path(out_dir, "tiny-cluster.json"))

# ---- (2) IBM HR attrition ----
base <- Sys.getenv("WBK_REAL_DATA", file.path("..", "shared", "data", "real"))
path <- file.path(base, "ibm-hr-attrition", "WA_Fn-UseC_-HR-Employee-Attrition.csv")
ibm <- read.csv(path, fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
folds <- read.csv(file.path(out_dir, "ibm-folds-k10-seed1.csv"))
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
full <- glm_fit(X, y)
p <- numeric(length(y))
fold_auc <- numeric(10)
auc <- function(p, y) unname(wilcox.test(p[y == 1], p[y == 0], exact = FALSE)$statistic) / (sum(y) * sum(1 - y))
for (k in 0:9) {
  test <- folds$fold == k
  fk <- glm_fit(X[!test, ], y[!test])
  p[test] <- 1 / (1 + exp(-X[test, ] %*% fk$beta))
  fold_auc[k + 1] <- auc(p[test], y[test])
}
writeLines(c("{", paste0("  \"r_version\": \"", R.version.string, "\","),
  paste0("  \"names\": ", strs(colnames(X)), ","),
  paste0("  \"estimate\": ", vec(full$beta), ","),
  paste0("  \"cluster_se\": ", vec(cluster_se(X, y, full, ibm$EmployeeNumber)), ","),
  paste0("  \"cv_auc\": ", num(auc(p, y)), ","),
  paste0("  \"cv_brier\": ", num(mean((p - y)^2)), ","),
  paste0("  \"fold_auc\": ", vec(fold_auc)), "}"),
  file.path(out_dir, "ibm-cv.json"))
