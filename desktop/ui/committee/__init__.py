"""The committee's pages: Reports (coverage, money, pictures, the daily sheet) and Urgent needs."""
