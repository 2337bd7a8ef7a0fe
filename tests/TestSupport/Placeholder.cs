namespace TestSupport;
