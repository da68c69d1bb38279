export { createSafetyClassifier, trainSafetyClassifier, categoryOf, DEFAULT_TRAIN_OPTIONS, MODEL_FORMAT } from './classifier.js';
export type { SafetyClassifier, SafetyModel, SafetyRow, SafetyScore, TrainOptions } from './classifier.js';
export { buildSafetyModel, serialiseModel, TARGET_RECALL } from './build-model.js';
export { loadCorpusSplit, loadPhrasings, loadTrainingInput, type CorpusSplit } from './corpus.js';
export { chooseThreshold, evaluateClassifierOnRows, scoreRows, type ClassifierScores, type ScoredRow } from './evaluate-classifier.js';
export { extractFeatures, featureStrings, hashFeature, DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './features.js';
export { loadSafetyClassifier, loadSafetyModel, MODEL_PATH } from './load-model.js';
