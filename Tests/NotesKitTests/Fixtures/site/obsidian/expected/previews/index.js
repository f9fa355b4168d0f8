notescPreviewFiles(1);
